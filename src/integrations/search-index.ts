import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { constants, gunzipSync, gzip, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { SEARCH_RECORDS_DIR, searchPartFor, type SearchBundleStories } from '../lib/search/bundles.ts';
import { mergePagefindIndexes, SEARCH_CHUNK_SIZE, type PagefindPart } from '../lib/search/pagefind-merge.ts';
import { CHUNK_STARTS_FILE, readChunkStarts } from '../lib/search/chunks.ts';
import { filesUnder, linkPool } from '../lib/files.ts';
import { inLanes } from '../lib/lanes.ts';
import { isAlive } from '../lib/publish.ts';
import { DATES_FILE, publicationMinute } from '../lib/search/dates.ts';
import { buildStoryRecord, SEARCH_INDEX_LANGUAGE, type SearchStory } from '../lib/search/record.ts';
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
 *
 * A bundle is written from its parts (eight days each at most: searchPartFor): Pagefind indexes each
 * part on its own into `cacheDir` (SEARCH_PARTS_DIR), and the parts are merged into the bundle
 * (pagefind-merge.ts), which gives the index Pagefind writes for the whole bundle. A publish then
 * re-indexes only the parts whose stories changed, and merges; a full build indexes every part again.
 */
export async function writeSearchIndex(
  outDir: string,
  options: { root: string; cacheDir: string; threads: number; logger: IndexLogger; reuse: BundleReuse },
): Promise<{ written: number; keys: Record<string, string> }> {
  const { logger } = options;
  const { previous } = options.reuse;
  const started = performance.now();
  const recordsDir = join(outDir, SEARCH_RECORDS_DIR);
  const partsDir = join(options.cacheDir, SEARCH_PARTS_DIR);
  const keys: Record<string, string> = {};
  const written = new Set<string>();
  // The parts of each bundle to write; a bundle whose file is the one the live site indexed is linked.
  const parts = new Map<string, BundlePart[]>();
  // A site without stories has no bundles, and the route wrote no file.
  for (const name of existsSync(recordsDir) ? await readdir(recordsDir) : []) {
    const bytes = await readFile(join(recordsDir, name));
    const stories = JSON.parse(bytes.toString('utf8')) as SearchBundleStories;
    keys[stories.bundle] = digest(bytes);
    written.add(stories.bundle);
    if (previous?.keys[stories.bundle] !== keys[stories.bundle]) parts.set(stories.bundle, bundleParts(stories, partsDir));
  }
  for (const bundle of previous?.kept ?? []) {
    const key = previous?.keys[bundle];
    if (key === undefined || written.has(bundle)) throw new Error(`search index: bundle ${bundle} is both kept and written, or was not indexed before`);
    keys[bundle] = key;
  }
  const bundles = Object.keys(keys).sort().reverse();
  const toWrite = bundles.filter((bundle) => parts.has(bundle));
  // The bundles kept are linked (their chunk starts and dates included: they are their own) while the others are indexed.
  let linking: ReturnType<typeof linkPool> | null = null;
  if (previous) {
    linking = linkPool(previous.site, outDir);
    for (const bundle of bundles.filter((b) => !toWrite.includes(b))) {
      for (const file of await filesUnder(join(previous.site, bundle))) linking.add(relative(previous.site, file));
    }
  }
  // A full build trusts nothing it did not index itself.
  if (!previous) await rm(partsDir, { recursive: true, force: true });
  await mkdir(partsDir, { recursive: true });
  await removeLeftovers(partsDir);
  const all = [...parts.values()].flat();
  const missing = all.filter((part) => !existsSync(part.dir));
  // Each part is written beside its place and renamed into it, so that a stopped build leaves no half-written part.
  const partial = (part: BundlePart) => `${part.dir}${LEFTOVER}${process.pid}`;
  const index = async ({ parts: list }: { parts: BundlePart[] }) => {
    for (const part of list) {
      await rm(partial(part), { recursive: true, force: true });
      await writeFile(`${partial(part)}.json`, part.file);
    }
    await writeBundlesOnThread(
      options.root,
      list.map((part) => ({ storiesFile: `${partial(part)}.json`, outputPath: partial(part) })),
    );
    for (const part of list) {
      await rm(`${partial(part)}.json`);
      await rename(partial(part), part.dir);
    }
  };
  // The parts of a month share a thread and a Pagefind process: starting them takes longer than
  // indexing a part of a few stories, and a full build has four parts to a month.
  const byMonth = Map.groupBy(missing, (part) => part.month);
  const jobs = [...byMonth.values()].map((list) => ({ parts: list, weight: list.reduce((sum, part) => sum + part.stories, 0) }));
  // The first bundle's parts indexed before are read (and unzipped) while Pagefind indexes the others:
  // this thread waits on it meanwhile. One bundle's, so that a publish of many years holds one year in memory at a time.
  const [firstBundle = []] = parts.values();
  const reading = new Map(firstBundle.filter((part) => !missing.includes(part)).map((part) => [part.dir, readPartIndex(part.dir)] as const));
  for (const read of reading.values()) read.catch(() => {});
  await Promise.all([inLanes(jobs, index, { lanes: Math.max(1, options.threads), budget: STORIES_AT_ONCE }), linking?.done()]);
  // Each part read ahead is let go once its bundle is merged.
  const read = (dir: string) => {
    const part = reading.get(dir) ?? readPartIndex(dir);
    reading.delete(dir);
    return part;
  };
  for (const [bundle, list] of parts) await mergeParts(list, join(outDir, bundle), read);
  await pruneParts(partsDir, bundles, parts);
  await rm(recordsDir, { recursive: true, force: true });
  const indexed = missing.reduce((sum, part) => sum + part.stories, 0);
  const took = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(
    `search index: ${bundles.length} ${bundles.length === 1 ? 'bundle' : 'bundles'}, ${toWrite.length} written from ${all.length} ${all.length === 1 ? 'part' : 'parts'}, ${missing.length} indexed with ${indexed} stories (${took} s)`,
  );
  return { written: toWrite.length, keys };
}

const digest = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('base64url');

/** Where each part's Pagefind index is kept, under the cache folder, for the publishes that follow. */
export const SEARCH_PARTS_DIR = 'search-parts';

/**
 * A part of a bundle: its stories' file (as a bundle's, SearchBundleStories) and the folder of its
 * index, named by the bundle, the part and the file's digest (pagefind-2025.2025-03-09.<digest>).
 */
interface BundlePart {
  file: string;
  stories: number;
  dir: string;
  /** The month the part is in (2025-03). */
  month: string;
}

/** The parts of a bundle's stories, in the bundle's order (newest first), each with the folder its index has in `partsDir`. */
function bundleParts({ bundle, stories }: SearchBundleStories, partsDir: string): BundlePart[] {
  // The file's own order is kept (a re-sort could order stories of the same second differently).
  const groups = new Map<string, SearchStory[]>();
  for (const story of stories) {
    const name = searchPartFor(new Date(story.date));
    const list = groups.get(name) ?? groups.set(name, []).get(name)!;
    list.push(story);
  }
  return [...groups].map(([name, list]) => {
    const part = JSON.stringify({ bundle, stories: list } satisfies SearchBundleStories);
    return { file: part, stories: list.length, dir: join(partsDir, `${bundle.replaceAll('/', '')}.${name}.${digest(part)}`), month: name.slice(0, 7) };
  });
}

/**
 * Removes the indexes no part of the site has any more: those of the bundles written whose parts have
 * since changed or lost all their stories, and those of bundles the site no longer has. Each is renamed
 * before it is removed, so that a build stopped meanwhile leaves no half-removed index under a part's name.
 */
async function pruneParts(partsDir: string, bundles: readonly string[], written: ReadonlyMap<string, readonly BundlePart[]>): Promise<void> {
  const current = new Set([...written.values()].flat().map((part) => relative(partsDir, part.dir)));
  for (const name of await readdir(partsDir)) {
    // pagefind-2025.2025-03-09.<digest> is a part of /pagefind-2025/.
    const bundle = `/${name.slice(0, name.indexOf('.'))}/`;
    if (name.includes(LEFTOVER) || current.has(name) || (bundles.includes(bundle) && !written.has(bundle))) continue;
    const doomed = join(partsDir, `${name}${LEFTOVER}${process.pid}`);
    await rename(join(partsDir, name), doomed);
    await rm(doomed, { recursive: true, force: true });
  }
}

/** What a build is still writing or removing in the parts folder ends with this and its process id. */
const LEFTOVER = '.unfinished-';

/** Removes what builds stopped before they finished left in the parts folder. */
async function removeLeftovers(partsDir: string): Promise<void> {
  for (const name of await readdir(partsDir)) {
    const pid = Number(name.split(LEFTOVER)[1]?.replace(/\.json$/, ''));
    if (Number.isInteger(pid) && !isAlive(pid)) await rm(join(partsDir, name), { recursive: true, force: true });
  }
}

const gzipAsync = promisify(gzip);

/** Pagefind's file: its signature, then the content, gzipped. */
const pack = (bytes: Uint8Array) =>
  // zlib's default level: about as small as Pagefind's best level, in much less time (README, search index).
  gzipAsync(Buffer.concat([Buffer.from(SIGNATURE), bytes]));

/** A part's Pagefind index as the merge reads it: its entry file, and its metadata, chunks and filters unzipped. */
interface PartIndex {
  entry: PagefindEntry;
  index: PagefindPart;
}

async function readPartIndex(dir: string): Promise<PartIndex> {
  // A Pagefind file's content: unzipped, without its signature.
  const content = async (path: string) => unpack(await readFile(path)).subarray(SIGNATURE.length);
  const read = async (kind: 'index' | 'filter') => {
    const names = existsSync(join(dir, kind)) ? await readdir(join(dir, kind)) : [];
    return new Map(await Promise.all(names.map(async (name) => [name.slice(0, name.lastIndexOf('.')), await content(join(dir, kind, name))] as const)));
  };
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const [only, more] = Object.values(entry.languages);
  if (!only || more) throw new Error(`search index: ${dir} holds ${Object.keys(entry.languages).length} languages; a bundle has one`);
  return { entry, index: { meta: await content(join(dir, `pagefind.${only.hash}.pf_meta`)), chunks: await read('index'), filters: await read('filter') } };
}

/**
 * Writes a bundle from its parts' indexes: the merged metadata, index chunks and filters, the parts'
 * fragments as they are, Pagefind's scripts, and the bundle's chunk starts and dates.
 */
async function mergeParts(parts: readonly BundlePart[], outputPath: string, read: (dir: string) => Promise<PartIndex>): Promise<void> {
  // The first part's entry and files stand for every part's: Pagefind writes the same scripts into each.
  const indexesRead = await Promise.all(parts.map(({ dir }) => read(dir)));
  const entry = indexesRead[0]!.entry;
  const indexes = indexesRead.map((part) => part.index);
  const first = parts[0]!.dir;
  const [language] = Object.keys(entry.languages);
  const merged = mergePagefindIndexes(indexes, { language: language!, chunkSize: SEARCH_CHUNK_SIZE });
  await rm(outputPath, { recursive: true, force: true });
  await Promise.all(['index', 'filter', 'fragment'].map((kind) => mkdir(join(outputPath, kind), { recursive: true })));
  const writes: Promise<void>[] = [];
  const write = (path: string, bytes: Uint8Array) => writes.push(pack(bytes).then((packed) => writeFile(join(outputPath, path), packed)));
  write(`pagefind.${merged.meta.hash}.pf_meta`, merged.meta.bytes);
  for (const { hash, bytes } of merged.chunks) write(`index/${hash}.pf_index`, bytes);
  for (const { hash, bytes } of merged.filters) write(`filter/${hash}.pf_filter`, bytes);
  const dates: Record<string, number> = {};
  for (const { dir } of parts) {
    for (const name of await readdir(join(dir, 'fragment'))) writes.push(copyFile(join(dir, 'fragment', name), join(outputPath, 'fragment', name)));
    Object.assign(dates, JSON.parse(await readFile(join(dir, DATES_FILE), 'utf8')) as Record<string, number>);
  }
  for (const file of await readdir(first, { withFileTypes: true })) {
    if (file.isFile() && !/\.pf_meta$|^pagefind-entry\.json$/.test(file.name) && file.name !== DATES_FILE)
      writes.push(copyFile(join(first, file.name), join(outputPath, file.name)));
  }
  const bundleEntry: PagefindEntry = {
    ...entry,
    languages: { [language!]: { ...entry.languages[language!]!, hash: merged.meta.hash, page_count: merged.pages.length } },
  };
  writes.push(writeFile(join(outputPath, 'pagefind-entry.json'), JSON.stringify(bundleEntry)));
  writes.push(writeFile(join(outputPath, DATES_FILE), JSON.stringify(sortedDates(dates, merged.pages))));
  const starts = readChunkStarts(Buffer.concat([Buffer.from(SIGNATURE), merged.meta.bytes]));
  writes.push(writeFile(join(outputPath, CHUNK_STARTS_FILE), JSON.stringify([...new Set(starts)].sort())));
  await Promise.all(writes);
}

/** The dates by fragment name, in the order publishFragments lists them for one index. */
function sortedDates(dates: Record<string, number>, pages: readonly string[]): Record<string, number> {
  return Object.fromEntries([...pages].sort().map((page) => [page, dates[page]!]));
}

/** pagefind-entry.json. */
interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters: string[];
}

/**
 * Pagefind indexes on one core, and holds an index whole in memory until it writes it, in proportion
 * to its stories (npm run bench prints the peak). So parts are indexed side by side, up to `threads`
 * at once, only while the stories being indexed stay within this many: a part of a very busy newsroom
 * is indexed alone.
 */
const STORIES_AT_ONCE = 1_500;

export interface BundleJob {
  /** Stories as a bundle lists them (SearchBundleStories, JSON): here a part of a bundle. */
  storiesFile: string;
  outputPath: string;
}

/** The thread's module is run from the source in the project folder: Astro bundles this one, and a bundle has no worker file beside it. */
const BUNDLE_THREAD = 'src/integrations/search-bundle-worker.ts';

/**
 * Writes Pagefind indexes (parts of a bundle) on a worker thread. Reading and cutting stories into
 * words makes many short-lived objects; on the build's own heap, already large after rendering the
 * pages, they were collected late and raised the build's peak memory (npm run bench measures it). A
 * thread's heap stays small, and it is freed with the thread.
 */
function writeBundlesOnThread(root: string, jobs: readonly BundleJob[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(join(root, BUNDLE_THREAD), { workerData: jobs, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    thread.once('message', (reply: { done: true } | { error: string }) => ('error' in reply ? reject(new Error(reply.error)) : resolve()));
    thread.once('error', reject);
    thread.once('exit', (code) =>
      reject(new Error(`The search index thread for ${jobs.map((job) => job.outputPath).join(', ')} stopped (exit code ${code}) before it finished`)),
    );
  });
}

const RECORDS_IN_FLIGHT = 8;

/**
 * Pagefind indexes, one per job, over the stories of its `storiesFile` (a part of a bundle), each
 * written to its `outputPath` and let go; Pagefind's process ends with the last, and its memory with it.
 */
export async function writeBundles(jobs: readonly BundleJob[]): Promise<void> {
  for (const { storiesFile, outputPath } of jobs) {
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
    await index.deleteIndex();
    for (const name of await readdir(outputPath)) if (PAGEFIND_UI_FILE.test(name)) await rm(join(outputPath, name));
    await writeFile(join(outputPath, DATES_FILE), JSON.stringify(await publishFragments(outputPath)));
  }
  await pagefind.close();
}

/** Pagefind writes its ready-made search interfaces beside each index; the search page is the site's own, so no reader would load them. */
const PAGEFIND_UI_FILE = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

/** Pagefind's files are gzipped after this signature (its browser code also takes them unzipped). */
const SIGNATURE = 'pagefind_dcd';
const unpack = (raw: Buffer): Buffer => (raw.subarray(0, SIGNATURE.length).toString() === SIGNATURE ? raw : gunzipSync(raw));

/**
 * Pagefind stores with each result (its fragment) the text it indexed: our index words, which take
 * more bytes than the text they spell even compressed, and a first search loads ten fragments. The
 * search page reads only the text back (the excerpt, and which version holds the query), so each
 * fragment is rewritten with the text as published, read back once here rather than in the reader's
 * browser. Pagefind's own excerpt, which the site does not show, then no longer
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
