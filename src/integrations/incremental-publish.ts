import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { NewsConfig } from '../config.ts';
import { filesUnder, removeEmptyFolders } from '../lib/files.ts';
import { linkPagesOnThread } from './page-links.ts';
import { SEARCH_RECORDS_DIR, searchRecordsFile } from '../lib/search/bundles.ts';
import { writeSearchIndex, type BundleReuse, type IndexLogger } from './search-index.ts';
import {
  changedStories,
  MANIFEST_FILE,
  pageFile,
  planPages,
  startPublishState,
  type PagePlan,
  type PublishManifest,
  type PublishState,
} from '../lib/page-digest.ts';

/** What a build did, for the line the build script prints (written to summaryFile in the build cache). */
export interface PublishSummary {
  full: boolean;
  /** Why the build was full, when it was. */
  why: string;
  stories: number;
  written: number;
  unchanged: number;
  gone: number;
  bundles: number;
}
/**
 * The search index and the manifest, which need the pages written: the index is built from the
 * stories files the records route wrote, and the manifest records each bundle's key.
 */
export interface PendingIndex {
  reuse: BundleReuse;
  manifest: Omit<PublishManifest, 'bundles'>;
}

/**
 * What the Astro process leaves for the build script that started it (`deferSearchIndex`): the
 * summary, and the index still to write.
 */
export interface BuildHandoff {
  /** The summary but for the bundles indexed, which the build script counts as it writes them. */
  summary: Omit<PublishSummary, 'bundles'>;
  pending: PendingIndex;
}
/** Where the Astro process `pid` leaves its BuildHandoff. */
export const handoffFile = (cacheDir: string, pid: number) => join(cacheDir, `publish-handoff-${pid}.json`);

/** Writes the search index of the site in `outDir`, then its manifest; returns how many bundles were indexed. */
export async function finishSite(
  outDir: string,
  pending: PendingIndex,
  options: { root: string; cacheDir: string; threads: number; logger: IndexLogger },
): Promise<number> {
  const { written, keys } = await writeSearchIndex(outDir, { ...options, reuse: pending.reuse });
  const manifest: PublishManifest = { ...pending.manifest, bundles: sortedRecord(Object.entries(keys)) };
  await writeFile(join(outDir, MANIFEST_FILE), JSON.stringify(manifest));
  return written;
}

/** The code and settings every page depends on: any change to them rebuilds the whole site. */
const CODE = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

async function codeDigest(config: NewsConfig): Promise<string> {
  const hash = createHash('sha256');
  // The settings a page can show; folders and thread counts change where and how fast, not what.
  const { site, storyCards, searchBundlePeriod, reportAddress } = config;
  hash.update(JSON.stringify({ site, storyCards, searchBundlePeriod, reportAddress }));
  for (const entry of CODE) {
    const path = join(config.root, entry);
    const files = entry.includes('.') ? [path] : await filesUnder(path);
    for (const file of files) {
      hash.update(`\0${relative(config.root, file).split(sep).join('/')}\0`);
      hash.update(await readFile(file));
    }
  }
  return hash.digest('base64url');
}

/**
 * Incremental publishing (see src/lib/page-digest.ts). `previousSite` is the live site's folder, or
 * '' for a full build. When its manifest was written by the same code and settings, the routes build
 * only the pages whose props changed, and every page of the routes that list no digests; the staged
 * site holds hard links to the previous site's files of the pages kept. `finish` writes the search
 * index (keeping the bundles whose stories did not change) and the manifest (`finishSite`), or hands them
 * over to the build script with the summary. A full build writes the same manifest, so the two give the
 * same bytes.
 */
export function incrementalPublish(config: NewsConfig) {
  let state: PublishState | undefined;
  let code = '';
  let why = '';
  let previousStories: PublishManifest['stories'] = {};
  let previousBundles: PublishManifest['bundles'] = {};
  let plan: PagePlan = { build: [], keep: [], gone: [] };
  let linking: ReturnType<typeof linkPagesOnThread> | undefined;

  const start: AstroIntegration = {
    name: 'news-incremental-publish',
    hooks: {
      'astro:config:setup': async ({ command, logger, updateConfig }) => {
        if (command !== 'build') return;
        code = await codeDigest(config);
        const previous = config.previousSite ? await readManifest(config.previousSite) : null;
        why = !config.previousSite
          ? 'no previous site, or --full'
          : !previous
            ? 'the previous site has no manifest'
            : previous.code !== code
              ? 'the code or settings changed'
              : '';
        state = startPublishState(code, why ? null : previous!.pages);
        if (state.previous) {
          // Every page of the live site is linked into the new one now, while the content loads;
          // before Astro writes any page, those it will write and those the content no longer makes
          // are taken back (see astro:build:start). Nothing else is taken from the live site: every
          // other file (pages of routes that list no digests, assets, public files) is written by this
          // build. A bundle's stories file is not a page of the site (the search index reads it, then removes it).
          const files = Object.keys(state.previous).flatMap((url) => (isRecordsPage(url) ? [] : [pageFile(url).slice(1)]));
          linking = linkPagesOnThread(config.root, { from: config.previousSite, to: config.outDir, files });
          // Astro would empty the new site's folder (which the build script made empty) after the links began.
          updateConfig({ vite: { build: { emptyOutDir: false } } });
        }
        previousStories = why ? {} : previous!.stories;
        previousBundles = why ? {} : previous!.bundles;
        logger.info(why ? `full build (${why})` : `incremental build against ${config.previousSite}`);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        if (!linking) return;
        const links = linking;
        // Astro lists every page of every route, then writes them. In between, each linked file at a
        // path it will write is taken back, for a write would go through the link into the live site's
        // file (a renamed story's old address, say, which a route without digests writes); so are the
        // pages the content no longer makes, which every route has listed by then.
        setPrerenderer((prerenderer) => ({
          ...prerenderer,
          getStaticPaths: async () => {
            const paths = await prerenderer.getStaticPaths();
            plan = planPages(state!.previous, state!.current);
            const written = paths.flatMap(({ pathname }) => [pageFile(pathname), pageFile(`${pathname.replace(/\/$/, '')}/`)]);
            const gone = plan.gone.filter((url) => !isRecordsPage(url)).map(pageFile);
            await links.takeBack([...written, ...gone].map((file) => file.slice(1)));
            return paths;
          },
        }));
      },
      'astro:build:done': async ({ dir }) => {
        if (!state) return;
        const outDir = fileURLToPath(dir);
        plan = planPages(state.previous, state.current);
        // Each route's pattern must name the files Astro wrote, or a kept page would be the wrong file.
        const missing = plan.build.filter((url) => !existsSync(join(outDir, pageFile(url))));
        if (missing.length > 0) {
          throw new Error(
            `incremental publishing: routes listed pages that were not written (${missing.slice(0, 3).join(', ')}); check the pattern given to changedPages()`,
          );
        }
        if (linking) {
          const linked = await linking.finish();
          for (const url of plan.gone.filter((url) => !isRecordsPage(url))) await removeEmptyFolders(outDir, dirname(pageFile(url).slice(1)));
          const expected = plan.keep.filter((url) => !isRecordsPage(url)).length;
          if (linked !== expected) throw new Error(`incremental publishing: ${linked} kept pages were linked, but ${expected} were kept`);
          // What the links rest on: no page built again shares its file with the live site's.
          const shared = plan.build.filter((url) => sameFile(join(outDir, pageFile(url)), join(config.previousSite, pageFile(url))));
          if (shared.length > 0)
            throw new Error(`incremental publishing: pages built again were written into the live site's files (${shared.slice(0, 3).join(', ')})`);
        }
      },
    },
  };

  const finish: AstroIntegration = {
    name: 'news-incremental-publish-manifest',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!state) return;
        const pending: PendingIndex = {
          reuse: searchReuse(state),
          manifest: { format: 1, code, pages: sortedRecord(state.current), stories: sortedRecord(state.stories) },
        };
        if (!config.deferSearchIndex) {
          await finishSite(fileURLToPath(dir), pending, { root: config.root, cacheDir: config.cacheDir, threads: config.searchThreads, logger });
          return;
        }
        // The build script writes the index once this process has ended, so that Pagefind's memory
        // comes after Astro's instead of on top of it.
        const summary: BuildHandoff['summary'] = {
          full: state.previous === null,
          why,
          stories: changedStories(previousStories, state.stories),
          written: plan.build.length,
          unchanged: plan.keep.length,
          gone: plan.gone.length,
        };
        const handoff: BuildHandoff = { summary, pending };
        await mkdir(config.cacheDir, { recursive: true });
        await writeFile(handoffFile(config.cacheDir, process.pid), JSON.stringify(handoff));
        logger.info('search index and manifest: left to the build script (NEWS_DEFER_SEARCH_INDEX=on), which writes them once this process has ended');
      },
    },
  };

  /**
   * Lets the search index keep the live site's bundles: those whose stories are unchanged (the
   * records route wrote no file for them), and those whose new stories file is the one indexed before.
   */
  const searchReuse = (publishState: PublishState): BundleReuse => {
    if (!publishState.previous) return { previous: null };
    const keptFiles = new Set(plan.keep.filter(isRecordsPage).map((url) => url.slice(RECORDS_PREFIX.length)));
    const kept = Object.keys(previousBundles).filter((bundle) => keptFiles.has(searchRecordsFile(bundle)));
    return { previous: { site: config.previousSite, keys: previousBundles, kept } };
  };
  return { start, finish };
}

/** Whether two paths are one file (a hard link): false when either is missing. */
function sameFile(a: string, b: string): boolean {
  const [x, y] = [statSync(a, { throwIfNoEntry: false }), statSync(b, { throwIfNoEntry: false })];
  return Boolean(x && y && x.dev === y.dev && x.ino === y.ino);
}

const RECORDS_PREFIX = `/${SEARCH_RECORDS_DIR}/`;
const isRecordsPage = (url: string) => url.startsWith(RECORDS_PREFIX);

/** Entries (a map's, an object's) as an object with its keys sorted, so a full and an incremental build write the same manifest. */
function sortedRecord(entries: Iterable<readonly [string, string]>): Record<string, string> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function readManifest(site: string): Promise<PublishManifest | null> {
  const text = await readFile(join(site, MANIFEST_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  const manifest = JSON.parse(text) as PublishManifest;
  return manifest.format === 1 ? manifest : null;
}
