/**
 * Indexes parts of a search bundle on a thread of its own (see writeBundlesOnThread in
 * search-index.ts): the garbage of cutting stories into words stays on this thread's small heap.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeBundles, type BundleJob } from './search-index.ts';

writeBundles(workerData as BundleJob[]).then(
  () => parentPort!.postMessage({ done: true }),
  (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
