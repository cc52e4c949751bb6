import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { SEARCH_RECORDS_DIR, type SearchBundleStories } from '../lib/search/bundles.ts';
import { CHUNK_STARTS_FILE, readChunkStarts } from '../lib/search/chunks.ts';
import { filesUnder, linkPool } from '../lib/files.ts';
import { inLanes } from '../lib/lanes.ts';
import { DATES_FILE, publicationMinute } from '../lib/search/dates.ts';
import { buildStoryRecord, SEARCH_INDEX_LANGUAGE } from '../lib/search/record.ts';
import { fromIndexText } from '../lib/search/text.ts';

/**
 * What lets an incremental build keep a bundle of the live site: a bundle is a function of the code
 * and of its stories' file (SEARCH_RECORDS_DIR), which holds only what the index reads of them. When
 * a bundle's key (the digest of that file) is the one the live site recorded, the live bundle's files
 * are linked, not indexed again: only the bundles whose stories changed are written.
 */
export interface BundleReuse {
  /**
   * The live site, its bundles' keys, and the bundles whose stories did not change at all (the
   * records route wrote no file for them: see incremental-publish.ts); null in a full build.
   */
  previous: { site: string; keys: Readonly<Record<string, string>>; kept: readonly string[] } | null;
}

/** Where the index step says what it did: Astro's logger in `astro build`, the console in scripts/build.ts. */
export interface IndexLogger {
  info(message: string): void;
}

/**
 * Builds the search index from the stories' files the records route wrote (then removed from the
 * site): one record per story, both languages in it, one Pagefind bundle per file. Each bundle's
 * chunk starts and dates lie beside it, so a bundle's folder depends on its own stories alone. An
 * incremental build links the live site's bundles that `reuse` names or whose file is unchanged.
 */
export async function writeSearchIndex(
  outDir: string,
  options: { root: string; threads: number; logger: IndexLogger; reuse: BundleReuse },
): Promise<{ written: number; keys: Record<string, string> }> {
  const { logger } = options;
  const { previous } = options.reuse;
  const started = performance.now();
  const recordsDir = join(outDir, SEARCH_RECORDS_DIR);
  const files = new Map<string, { file: string; stories: number }>();
  const keys: Record<string, string> = {};
  // A site without stories has no bundles, and the route wrote no file.
  for (const name of existsSync(recordsDir) ? await readdir(recordsDir) : []) {
    const file = join(recordsDir, name);
    const bytes = await readFile(file);
    const { bundle, stories } = JSON.parse(bytes.toString('utf8')) as SearchBundleStories;
    files.set(bundle, { file, stories: stories.length });
    keys[bundle] = createHash('sha256').update(bytes).digest('base64url');
  }
  for (const bundle of previous?.kept ?? []) {
    const key = previous?.keys[bundle];
    if (key === undefined || files.has(bundle)) throw new Error(`search index: bundle ${bundle} is both kept and written, or was not indexed before`);
    keys[bundle] = key;
  }
  const bundles = Object.keys(keys).sort().reverse();
  const toWrite = bundles.filter((bundle) => previous?.keys[bundle] !== keys[bundle]);
  // The bundles kept are linked (their chunk starts and dates included: they are their own) while the others are indexed.
  let linking: ReturnType<typeof linkPool> | null = null;
  if (previous) {
    linking = linkPool(previous.site, outDir);
    for (const bundle of bundles.filter((b) => !toWrite.includes(b))) {
      for (const file of await filesUnder(join(previous.site, bundle))) linking.add(relative(previous.site, file));
    }
  }
  const write = async ({ bundle }: { bundle: string }) => {
    const outputPath = join(outDir, bundle);
    await writeBundleOnThread(options.root, { storiesFile: files.get(bundle)!.file, outputPath });
    await writeFile(join(outputPath, CHUNK_STARTS_FILE), JSON.stringify([...new Set(await bundleChunkStarts(outputPath))].sort()));
  };
  const jobs = toWrite.map((bundle) => ({ bundle, weight: files.get(bundle)!.stories }));
  await Promise.all([inLanes(jobs, write, { lanes: Math.max(1, options.threads), budget: STORIES_AT_ONCE }), linking?.done()]);
  await rm(recordsDir, { recursive: true, force: true });
  const indexed = toWrite.reduce((sum, bundle) => sum + files.get(bundle)!.stories, 0);
  const took = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(`search index: ${bundles.length} ${bundles.length === 1 ? 'bundle' : 'bundles'}, ${toWrite.length} written with ${indexed} stories (${took} s)`);
  return { written: toWrite.length, keys };
}

/**
 * Pagefind indexes a bundle on one core, and holds the bundle's whole index in memory until it writes
 * it, in proportion to its stories (npm run bench prints the peak). So bundles are indexed side by side,
 * up to `threads` at once, only while the stories being indexed stay within this many: the small bundles
 * of a young site use both cores, and each year of a large archive is indexed alone, which keeps the
 * build's peak memory that of one bundle.
 */
const STORIES_AT_ONCE = 1_500;

export interface BundleJob {
  /** A bundle's stories (SearchBundleStories, JSON). */
  storiesFile: string;
  outputPath: string;
}

/** The thread's module is run from the source in the project folder: Astro bundles this one, and a bundle has no worker file beside it. */
const BUNDLE_THREAD = 'src/integrations/search-bundle-worker.ts';

/**
 * Writes one bundle on a worker thread. Reading and cutting 2,000 stories makes gigabytes of
 * short-lived objects; on the build's own heap, already large after rendering 20,000 pages, they were
 * collected late and pushed the build's peak memory at 10,000 stories past 3 GB (npm run bench measures
 * it). A thread's heap stays small, and it is freed with the thread.
 */
function writeBundleOnThread(root: string, job: BundleJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(join(root, BUNDLE_THREAD), { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    thread.once('message', (reply: { done: true } | { error: string }) => ('error' in reply ? reject(new Error(reply.error)) : resolve()));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`The search index thread for ${job.outputPath} stopped (exit code ${code}) before it finished`)));
  });
}

const RECORDS_IN_FLIGHT = 8;

/** One Pagefind index over a bundle's stories, written to `outputPath`; Pagefind's process ends with it, and its memory with it. */
export async function writeBundle(storiesFile: string, outputPath: string): Promise<void> {
  const { bundle, stories } = JSON.parse(await readFile(storiesFile, 'utf8')) as SearchBundleStories;
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Records go to Pagefind's process a few at a time, in order, while the next stories are cut into
  // words here: measured side by side, faster than one at a time, and the files written are the same.
  const pending: Promise<void>[] = [];
  for (const story of stories) {
    const record = buildStoryRecord(story, bundle);
    // One index for both languages, whose words text.ts wrote (SEARCH_INDEX_LANGUAGE).
    const added = index.addCustomRecord({ ...record, language: SEARCH_INDEX_LANGUAGE }).then((result) => {
      if (result.errors.length > 0) throw new Error(`Pagefind rejected ${record.url}: ${result.errors.join('; ')}`);
    });
    // Awaited below; until then a failure must not count as unhandled (Node would exit).
    added.catch(() => {});
    pending.push(added);
    if (pending.length >= RECORDS_IN_FLIGHT) await pending.shift();
  }
  await Promise.all(pending);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  await pagefind.close();
  for (const name of await readdir(outputPath)) if (PAGEFIND_UI_FILE.test(name)) await rm(join(outputPath, name));
  await writeFile(join(outputPath, DATES_FILE), JSON.stringify(await publishFragments(outputPath)));
}

/** Pagefind writes its ready-made search interfaces beside each index; the search page is the site's own, so no reader would load them. */
const PAGEFIND_UI_FILE = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

/** The first word of each index chunk of the bundle written to `outputPath` (see chunks.ts). */
async function bundleChunkStarts(outputPath: string): Promise<string[]> {
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const starts: string[] = [];
  for (const { hash } of Object.values(entry.languages)) {
    const file = await readFile(join(outputPath, `pagefind.${hash}.pf_meta`));
    starts.push(...readChunkStarts(unpack(file)));
  }
  return starts;
}

/** Pagefind's files are gzipped after this signature (its browser code also takes them unzipped). */
const SIGNATURE = 'pagefind_dcd';
const unpack = (raw: Buffer): Buffer => (raw.subarray(0, SIGNATURE.length).toString() === SIGNATURE ? raw : gunzipSync(raw));

/**
 * Pagefind stores with each result (its fragment) the text it indexed: our index words, which take
 * about twice the bytes of the text they spell even compressed, and a first search loads ten
 * fragments. The search page reads only the text back (the excerpt, and which version holds the
 * query), so each fragment is rewritten with the text as published, read back once here rather than
 * in the reader's browser. Pagefind's own excerpt, which the site does not show, then no longer
 * lines up with the text. Returns each result's publication time, by the id Pagefind gives it (its
 * fragment's name): Pagefind orders merged bundles by score only, so the search page sorts by date
 * itself, from these (dates.ts), loaded only when the reader asks for newest first.
 */
async function publishFragments(outputPath: string): Promise<Record<string, number>> {
  const dates: Record<string, number> = {};
  const dir = join(outputPath, 'fragment');
  for (const file of (await readdir(dir)).sort()) {
    const text = unpack(await readFile(join(dir, file))).toString('utf8');
    const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { content: string; meta: Record<string, string> };
    fragment.content = fromIndexText(fragment.content);
    await writeFile(join(dir, file), gzipSync(SIGNATURE + JSON.stringify(fragment), { level: constants.Z_BEST_COMPRESSION }));
    dates[file.replace(/\.pf_fragment$/, '')] = publicationMinute(fragment.meta['date'] ?? '');
  }
  return dates;
}
