import { createHash } from 'node:crypto';
import { link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { parse } from 'node-html-parser';
import * as pagefind from 'pagefind';
import { isLang } from '../lib/i18n/languages.ts';
import { SEARCH_BUNDLE_MANIFEST, type SearchBundleManifest } from '../lib/search/bundles.ts';
import { CHUNK_STARTS_FILE, readChunkStarts } from '../lib/search/chunks.ts';
import { filesUnder } from '../lib/files.ts';
import { DATES_FILE, publicationMinute } from '../lib/search/dates.ts';
import { buildStoryRecord, SEARCH_INDEX_LANGUAGE, type StoryRecord, type StoryVersionText } from '../lib/search/record.ts';

/** Reads what an article page published: only its [data-pagefind-body] part, never the chrome around it. */
export function readArticlePage(html: string, url: string): (StoryVersionText & { slug: string; date: string }) | null {
  const root = parse(html);
  const article = root.querySelector('[data-pagefind-body][data-story]');
  const lang = root.querySelector('html')?.getAttribute('lang');
  if (!article || !isLang(lang)) return null;
  // What the page marks as not part of the story (such as the report link after each paragraph of a rendering) is not indexed.
  for (const ignored of article.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
  const text = (selector: string) => article.querySelector(selector)?.textContent.trim() ?? '';
  return {
    slug: article.getAttribute('data-story')!,
    lang,
    url,
    date: article.querySelector('time[datetime]')?.getAttribute('datetime') ?? '',
    section: article.getAttribute('data-section') ?? '',
    title: text('h1'),
    summary: text('[data-summary]'),
    body: article.querySelectorAll('[data-body] p, [data-body] li, [data-body] h2, [data-body] h3').map((p) => p.textContent.trim()),
  };
}

/**
 * What lets an incremental build keep a bundle of the live site: a bundle is a function of the code and
 * of the records of its stories, and a record reads only the story's own part of its pages (the
 * `[data-pagefind-body]` article: headline, dek, date, section, body), so it is a function of the story's
 * files. When a bundle's key (its name and its pages, in order, with their stories' digests) is the one
 * the live site recorded, its files are linked, not indexed again. Whatever decides which stories a
 * bundle holds, only the bundles whose stories changed are written.
 */
export interface BundleReuse {
  /** The digest of the story an article page shows (src/lib/page-digest.ts); undefined: its bundle is always written. */
  storyDigest: (path: string) => string | undefined;
  /** The live site, and its bundles' keys; null in a full build. */
  previous: { site: string; keys: Readonly<Record<string, string>> } | null;
}

function bundleKey(name: string, group: readonly string[][], reuse: BundleReuse): string | null {
  const pages = group.map((urls) => urls.map((url) => [url, reuse.storyDigest(url)]));
  if (pages.some((urls) => urls.some(([, digest]) => digest === undefined))) return null;
  return createHash('sha256')
    .update(JSON.stringify([name, pages]))
    .digest('base64url');
}

/** Links a bundle of the live site into the new one (its chunk starts and dates included: they are its own). */
async function linkBundle(from: string, to: string): Promise<void> {
  for (const file of await filesUnder(from)) {
    await mkdir(dirname(join(to, relative(from, file))), { recursive: true });
    await link(file, join(to, relative(from, file)));
  }
}

/**
 * Builds the search index from the written pages: one record per story, both languages in it, in the
 * bundles the manifest names (bundles.ts). Each bundle's chunk starts and dates lie beside it, so a
 * bundle's folder depends on its own stories alone.
 */
export async function writeSearchIndex(
  outDir: string,
  manifest: SearchBundleManifest,
  options: { threads?: number | undefined; logger?: Pick<AstroIntegrationLogger, 'info'>; reuse?: BundleReuse | undefined } = {},
): Promise<{ stories: number; bundles: string[]; written: number; keys: Record<string, string> }> {
  const { reuse, logger } = options;
  const started = performance.now();
  const bundles = Object.keys(manifest).sort().reverse();
  let stories = 0;
  const keys: Record<string, string> = {};
  const toWrite: string[] = [];
  for (const bundle of bundles) {
    const group = manifest[bundle]!;
    const key = reuse ? bundleKey(bundle, group, reuse) : null;
    if (key) keys[bundle] = key;
    if (key && reuse?.previous?.keys[bundle] === key) {
      await linkBundle(join(reuse.previous.site, bundle), join(outDir, bundle));
      stories += group.length;
    } else toWrite.push(bundle);
  }
  // Pagefind indexes a bundle on one core; bundles on threads side by side use the others (each
  // thread adds its own heap and Pagefind process to the build's memory).
  const write = async (bundle: string) => {
    const outputPath = join(outDir, bundle);
    const added = await writeBundleOnThread({ outDir, group: manifest[bundle]!, outputPath });
    stories += added;
    await writeFile(join(outputPath, CHUNK_STARTS_FILE), JSON.stringify([...new Set(await bundleChunkStarts(outputPath))].sort()));
    await writeFile(join(outputPath, DATES_FILE), JSON.stringify(await bundleDates(outputPath)));
  };
  const queue = [...toWrite];
  const lane = async () => {
    for (let bundle = queue.shift(); bundle !== undefined; bundle = queue.shift()) await write(bundle);
  };
  await Promise.all(Array.from({ length: Math.max(1, options.threads ?? 1) }, lane));
  const took = ((performance.now() - started) / 1000).toFixed(1);
  logger?.info(`search index: ${stories} stories in ${bundles.length} ${bundles.length === 1 ? 'bundle' : 'bundles'}, ${toWrite.length} written (${took} s)`);
  return { stories, bundles, written: toWrite.length, keys };
}

export interface BundleJob {
  outDir: string;
  group: readonly string[][];
  outputPath: string;
}

/** The thread's module is run from the source: Astro bundles this one, and a bundle has no worker file beside it. */
const BUNDLE_THREAD = join(process.cwd(), 'src/integrations/search-bundle-worker.ts');

/**
 * Writes one bundle on a worker thread. Reading and cutting 2,000 stories makes gigabytes of
 * short-lived objects; on the build's own heap, already large after rendering 20,000 pages, they were
 * collected late and pushed the build's peak memory at 10,000 stories past 3 GB (npm run bench measures
 * it). A thread's heap stays small, and it is freed with the thread.
 */
function writeBundleOnThread(job: BundleJob): Promise<number> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(BUNDLE_THREAD, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    thread.once('message', (reply: { added: number } | { error: string }) => ('error' in reply ? reject(new Error(reply.error)) : resolve(reply.added)));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`The search index thread for ${job.outputPath} stopped (exit code ${code}) before it finished`)));
  });
}

/** One Pagefind index over a group of stories, written to `outputPath`; Pagefind's process ends with it, and its memory with it. */
export async function writeBundle(outDir: string, group: readonly string[][], outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let added = 0;
  // One record in Pagefind's hands at a time, in order; the next story's pages are read and cut into
  // words here meanwhile, so the two processes work side by side. Same index, byte for byte, in less
  // time (npm run bench shows the indexing phase).
  let inFlight: Promise<void> = Promise.resolve();
  for (const urls of group) {
    const record = await readStoryRecord(outDir, urls);
    await inFlight;
    if (!record) continue;
    // One index for both languages; Thai is already cut into words (see markThaiWordBoundaries).
    inFlight = index.addCustomRecord({ ...record, language: SEARCH_INDEX_LANGUAGE }).then((result) => {
      if (result.errors.length > 0) throw new Error(`Pagefind rejected ${record.url}: ${result.errors.join('; ')}`);
      added++;
    });
    // Awaited at the next story; until then a failure must not count as unhandled (Node would exit).
    inFlight.catch(() => {});
  }
  await inFlight;
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  await pagefind.close();
  return added;
}

/** A story's search record, from the pages written for it (null when none holds an article). */
async function readStoryRecord(outDir: string, urls: readonly string[]): Promise<StoryRecord | null> {
  const versions: (StoryVersionText & { slug: string; date: string })[] = [];
  for (const url of urls) {
    const page = readArticlePage(await readFile(join(outDir, url, 'index.html'), 'utf8'), url);
    if (page) versions.push(page);
  }
  return versions.length === 0 ? null : buildStoryRecord({ slug: versions[0]!.slug, date: versions[0]!.date, versions });
}

/** The first word of each index chunk of the bundle written to `outputPath` (see chunks.ts). */
async function bundleChunkStarts(outputPath: string): Promise<string[]> {
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const starts: string[] = [];
  for (const { hash } of Object.values(entry.languages)) {
    const file = await readFile(join(outputPath, `pagefind.${hash}.pf_meta`));
    // Pagefind gzips its files after a signature; the browser code also takes them unzipped.
    starts.push(...readChunkStarts(file.subarray(0, 12).toString() === 'pagefind_dcd' ? file : gunzipSync(file)));
  }
  return starts;
}

/**
 * Each result's publication time, by the id Pagefind gives it (its fragment's name), read from the
 * fragments just written: Pagefind orders merged bundles by score only, so the search page sorts by
 * date itself, and loads these only when the reader asks for newest first.
 */
async function bundleDates(outputPath: string): Promise<Record<string, number>> {
  const dates: Record<string, number> = {};
  for (const file of await readdir(join(outputPath, 'fragment'))) {
    const raw = await readFile(join(outputPath, 'fragment', file));
    const text = (raw.subarray(0, 12).toString() === 'pagefind_dcd' ? raw : gunzipSync(raw)).toString('utf8');
    const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { meta: Record<string, string> };
    dates[file.replace(/\.pf_fragment$/, '')] = publicationMinute(fragment.meta['date'] ?? '');
  }
  return dates;
}

/** Runs Pagefind through its Node API once the pages are written (as Starlight does). */
export function searchIndex(
  options: {
    /** Bundles indexed side by side. */
    threads?: number;
    reuse?: () => BundleReuse | undefined;
    onIndexed?: (result: { written: number; keys: Record<string, string> }) => void;
  } = {},
): AstroIntegration {
  return {
    name: 'news-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // The route search-bundles.json lists each bundle's stories; it is for this step only, not for readers.
        // It is a page without parameters, so an incremental build writes it too, whole.
        const manifestFile = join(outDir, SEARCH_BUNDLE_MANIFEST);
        const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as SearchBundleManifest;
        await rm(manifestFile);
        const result = await writeSearchIndex(outDir, manifest, { threads: options.threads, logger, reuse: options.reuse?.() });
        options.onIndexed?.(result);
      },
    },
  };
}
