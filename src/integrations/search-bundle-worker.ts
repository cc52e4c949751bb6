/**
 * Indexes one search bundle on a thread of its own (see writeBundleOnThread in search-index.ts):
 * the garbage of reading and cutting thousands of stories stays on this thread's small heap.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeBundle, type BundleJob } from './search-index.ts';

const { outDir, group, outputPath } = workerData as BundleJob;
writeBundle(outDir, group, outputPath).then(
  (added) => parentPort!.postMessage({ added }),
  (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
