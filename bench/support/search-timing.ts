import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { isBundleFolder } from '../../src/lib/search/bundles.ts';
import type { CompressingServer, LoggedResponse } from './compressing-server.ts';
import { median, p95, sum } from './stats.ts';

/**
 * Query timings and first-search bytes, measured inside Chromium with performance.now(): the site's own
 * search (src/lib/search/site-search.ts and engine.ts, bundled for the page) against its index in
 * /pagefind-<period>/ bundles, loaded as the search page loads them (the newest year first), and plain
 * Pagefind against a default bundle of the same pages.
 */

const projectRoot = resolve(import.meta.dirname, '../..');

export type EngineName = 'ours' | 'default';
export const ENGINES: readonly EngineName[] = ['ours', 'default'];
export const DEFAULT_BUNDLE_PATH = '/pagefind-default/';
/** Whether a fetched path belongs to an engine's index: ours, any of the bundles (bundles.ts). */
function isEngineFile(engine: EngineName, path: string): boolean {
  return engine === 'ours' ? isBundleFolder(path.split('/')[1] ?? '') : path.startsWith(DEFAULT_BUNDLE_PATH);
}

export interface SearchQuery {
  q: string;
  lang: 'th' | 'en';
}

export const queryLang = (q: string): 'th' | 'en' => (/[\u0E00-\u0E7F]/.test(q) ? 'th' : 'en');

/** The engine module as the search page runs it, exposed on window.__newsSearch. */
export async function engineBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { loadStoryHit } from './src/lib/search/engine.ts';\nimport { SiteSearch } from './src/lib/search/site-search.ts';\nwindow.__newsSearch = { SiteSearch, loadStoryHit };\n`,
      resolveDir: projectRoot,
      loader: 'ts',
      sourcefile: 'bench-engine.ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface QueryTiming {
  /** From the call to the first ten results' data being ready, as the reader waits for it. */
  total: number;
  /** import() of pagefind.js, and for ours the newest year's bundles with their chunk starts (zero once loaded). */
  importMs: number;
  /** search() calls, including Pagefind's start-up on the first one. */
  searchMs: number;
  /** data() of the first ten results (ours: loadStoryHit, which also checks and cuts the excerpt). */
  dataMs: number;
  results: number;
  /** Results among the first ten that the engine shows (ours drops results that fail the text check). */
  shown: number;
  searchCalls: number;
}

interface InPageArgs {
  q: string;
  lang: 'th' | 'en';
  engine: EngineName;
  /** Plain Pagefind's bundle; ours reads its bundles from the page's data-bundles. */
  bundle: string;
  /** Pagefind options set before the first search (ours: as src/scripts/search-page.ts sets them). */
  options: Record<string, unknown> | null;
  /** Ours: as many results as the search page shows at once (it searches older years when the newest has fewer). */
  pageSize: number;
}

/**
 * The Pagefind options the search page sets when it loads Pagefind (loadPagefind() in
 * src/scripts/search-page.ts), read from its source so the bench follows the page: { noWorker: true }
 * when it searches on the page rather than in Pagefind's worker.
 */
export function siteSearchOptions(): Record<string, unknown> | null {
  const source = readFileSync(resolve(projectRoot, 'src/scripts/search-page.ts'), 'utf8');
  return /\.options\(\s*\{\s*noWorker:\s*true\s*\}\s*\)/.test(source) ? { noWorker: true } : null;
}
const OPTIONS: Record<EngineName, Record<string, unknown> | null> = { ours: siteSearchOptions(), default: null };

/** What searchInPage is given for one query by one engine. */
function inPageArgs(engine: EngineName, query: SearchQuery): InPageArgs {
  return { q: query.q, lang: query.lang, engine, bundle: DEFAULT_BUNDLE_PATH, options: OPTIONS[engine], pageSize: 10 };
}

/** Runs in the page: one search as the reader experiences it. Self-contained (serialised into the page). */
async function searchInPage({ q, lang, engine, bundle, options, pageSize }: InPageArgs): Promise<QueryTiming> {
  type Result = { id: string; words: number[]; data: () => Promise<unknown> };
  type Api = {
    search: (t: string, o?: object) => Promise<{ results: Result[] } | null>;
    preload: (t: string) => Promise<void>;
    options: (o: object) => Promise<void>;
    mergeIndex: (url: string, o?: object) => Promise<void>;
  };
  type Site = {
    scope: (year: null) => { bundles: string[] };
    load: (bundles: string[]) => Promise<unknown>;
    search: (raw: string, o: object, s: { minimum: number }) => Promise<{ query: unknown; results: Result[] }>;
  };
  const w = window as unknown as {
    __default?: Promise<Api>;
    __site?: Site;
    __searchCalls: number;
    __newsSearch: {
      SiteSearch: new (bundles: string[], open: (url: string) => Promise<Api>, fetchJson: (url: string) => Promise<unknown>) => Site;
      loadStoryHit: (r: Result, query: unknown, lang: string) => Promise<unknown>;
    };
  };
  const t0 = performance.now();
  w.__searchCalls = 0;
  let results: Result[];
  let t1: number;
  let t2: number;
  let shown: number;
  if (engine === 'ours') {
    // As the search page does (src/scripts/search-page.ts): its bundles from data-bundles, the newest year's loaded first.
    w.__site ??= new w.__newsSearch.SiteSearch(
      JSON.parse(document.querySelector<HTMLElement>('#search-form')?.dataset['bundles'] ?? '[]') as string[],
      async (url) => {
        const pf = (await import(/* @vite-ignore */ url)) as Api;
        if (options) await pf.options(options);
        return {
          options: (o) => pf.options(o),
          mergeIndex: (u, o) => pf.mergeIndex(u, o),
          preload: (t) => pf.preload(t),
          search: (t, o) => {
            w.__searchCalls++;
            return pf.search(t, o);
          },
        };
      },
      (url) => fetch(url).then((r) => r.json() as Promise<unknown>),
    );
    const site = w.__site;
    await site.load(site.scope(null).bundles);
    t1 = performance.now();
    const outcome = await site.search(q, { language: 'all', year: null, sort: 'relevance' }, { minimum: pageSize });
    t2 = performance.now();
    results = outcome.results;
    // As the search page does (showNext): the first page of results, loaded in parallel.
    const hits = await Promise.all(results.slice(0, pageSize).map((r) => w.__newsSearch.loadStoryHit(r, outcome.query, lang)));
    shown = hits.filter(Boolean).length;
  } else {
    const pagefind = await (w.__default ??= (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Api>).then(async (pf) => {
      if (options) await pf.options(options);
      return pf;
    }));
    t1 = performance.now();
    w.__searchCalls = 1;
    const response = await pagefind.search(q);
    t2 = performance.now();
    results = response?.results ?? [];
    const data = await Promise.all(results.slice(0, pageSize).map((r) => r.data()));
    shown = data.length;
  }
  const t3 = performance.now();
  return { total: t3 - t0, importMs: t1 - t0, searchMs: t2 - t1, dataMs: t3 - t2, results: results.length, shown, searchCalls: w.__searchCalls };
}

async function newSearchContext(browser: Browser, engineScript: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript({ content: engineScript });
  return context;
}

async function openSearchPage(context: BrowserContext, siteUrl: string, lang: 'th' | 'en'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${siteUrl}/${lang}/search/`, { waitUntil: 'load' });
  return page;
}

export type FileKind = 'pagefind.js' | 'worker' | 'wasm' | 'entry' | 'meta' | 'index' | 'filter' | 'fragment' | 'other';

export function fileKind(path: string): FileKind {
  if (path.endsWith('/pagefind.js')) return 'pagefind.js';
  if (path.endsWith('/pagefind-worker.js')) return 'worker';
  if (/\/wasm\.[^/]+\.pagefind$/.test(path)) return 'wasm';
  if (path.endsWith('/pagefind-entry.json')) return 'entry';
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_filter')) return 'filter';
  if (path.endsWith('.pf_fragment')) return 'fragment';
  return 'other';
}

export interface Transfer {
  requests: number;
  raw: number;
  gzip: number;
  brotli: number;
  /** What the bench server actually sent Chromium (it compresses per Accept-Encoding). */
  sent: number;
}

export function transferOf(entries: readonly LoggedResponse[]): Transfer {
  return {
    requests: entries.length,
    raw: sum(entries.map((e) => e.sizes.raw)),
    gzip: sum(entries.map((e) => e.sizes.gzip)),
    brotli: sum(entries.map((e) => e.sizes.brotli)),
    sent: sum(entries.map((e) => e.sent)),
  };
}

export interface ColdRun {
  query: string;
  engine: EngineName;
  timing: QueryTiming;
  /** Everything fetched to answer the first query, after the page had loaded. */
  transfer: Transfer;
  byKind: Partial<Record<FileKind, Transfer>>;
  files: { path: string; kind: FileKind; raw: number; gzip: number; brotli: number; sent: number; encoding: string }[];
  /** The search page's own scripts, loaded with the page before any search. */
  pageScripts: Transfer;
}

/** The first query in a fresh browser context (empty HTTP cache), on a freshly loaded search page. */
export async function coldSearch(browser: Browser, server: CompressingServer, engineScript: string, engine: EngineName, query: SearchQuery): Promise<ColdRun> {
  const context = await newSearchContext(browser, engineScript);
  try {
    const pageStart = server.log.length;
    const page = await openSearchPage(context, server.url, query.lang);
    const mark = server.log.length;
    const timing = await page.evaluate(searchInPage, inPageArgs(engine, query));
    await server.settled();
    // The search page preloads Pagefind's script with the page: it belongs to the engine's first
    // search all the same, not to the page's own scripts.
    const pageLoad = server.log.slice(pageStart, mark);
    const entries = [...pageLoad.filter((e) => isEngineFile(engine, e.path)), ...server.log.slice(mark)];
    const byKind: Partial<Record<FileKind, Transfer>> = {};
    for (const kind of new Set(entries.map((e) => fileKind(e.path)))) byKind[kind] = transferOf(entries.filter((e) => fileKind(e.path) === kind));
    const pageScripts = transferOf(pageLoad.filter((e) => e.contentType.startsWith('text/javascript') && fileKind(e.path) === 'other'));
    return {
      query: query.q,
      engine,
      timing,
      transfer: transferOf(entries),
      byKind,
      files: entries.map((e) => ({
        path: e.path,
        kind: fileKind(e.path),
        raw: e.sizes.raw,
        gzip: e.sizes.gzip,
        brotli: e.sizes.brotli,
        sent: e.sent,
        encoding: e.encoding,
      })),
      pageScripts,
    };
  } finally {
    await context.close();
  }
}

export interface WarmRow {
  query: string;
  engine: EngineName;
  /** The first time the query runs in a page that has Pagefind loaded and has run other queries. */
  firstInWarmPage: QueryTiming;
  /** Repeats, with every index chunk and fragment of the query loaded. */
  repeats: QueryTiming[];
  medianRepeat: number;
}

/**
 * Warm queries in one browser context: one search page per engine and language, Pagefind started with
 * a throwaway query, then every query once (first time in a warm page), then `rounds` more passes.
 * The engines alternate query by query (and which goes first alternates) so machine noise hits both alike.
 */
export async function warmSearches(
  browser: Browser,
  siteUrl: string,
  engineScript: string,
  queries: readonly SearchQuery[],
  rounds: number,
  engines: readonly EngineName[] = ENGINES,
): Promise<WarmRow[]> {
  const context = await newSearchContext(browser, engineScript);
  try {
    const pages = new Map<string, Page>();
    for (const engine of engines) {
      for (const lang of ['th', 'en'] as const) {
        const page = await openSearchPage(context, siteUrl, lang);
        await page.evaluate(searchInPage, inPageArgs(engine, { q: lang === 'th' ? 'ประเทศ' : 'country', lang }));
        pages.set(`${engine}:${lang}`, page);
      }
    }
    const run = (engine: EngineName, query: SearchQuery) => pages.get(`${engine}:${query.lang}`)!.evaluate(searchInPage, inPageArgs(engine, query));
    const rows = new Map<string, WarmRow>();
    for (let pass = 0; pass <= rounds; pass++) {
      for (const [i, query] of queries.entries()) {
        const order = (i + pass) % 2 === 0 ? engines : [...engines].reverse();
        for (const engine of order) {
          const timing = await run(engine, query);
          const key = `${engine}:${i}`;
          if (pass === 0) rows.set(key, { query: query.q, engine, firstInWarmPage: timing, repeats: [], medianRepeat: Number.NaN });
          else rows.get(key)!.repeats.push(timing);
        }
      }
    }
    for (const row of rows.values()) row.medianRepeat = median(row.repeats.map((t) => t.total));
    return [...rows.values()];
  } finally {
    await context.close();
  }
}

export interface EngineSummary {
  queries: number;
  warm: { median: number; p95: number; max: number; meanSearchCalls: number };
  warmFirstTime: { median: number; p95: number };
  cold: { median: number; p95: number; medianImport: number; medianSearch: number; medianData: number };
  firstSearch: {
    /** Median and largest transfer over the queries, brotli (gzip alongside). */
    medianBrotli: number;
    maxBrotli: number;
    medianGzip: number;
    maxGzip: number;
    medianRequests: number;
    medianSent: number;
    /** Median bytes per kind of file, brotli. */
    medianByKind: Partial<Record<FileKind, { brotli: number; requests: number }>>;
    pageScriptsBrotli: number;
    /** Median and largest per query language: plain Pagefind keeps one index, and one meta file, per language. */
    byLang: Partial<Record<'th' | 'en', { queries: number; medianBrotli: number; maxBrotli: number; medianMs: number }>>;
  };
}

export function summarize(engine: EngineName, warm: readonly WarmRow[], cold: readonly ColdRun[]): EngineSummary {
  const w = warm.filter((r) => r.engine === engine);
  const c = cold.filter((r) => r.engine === engine);
  const kinds = new Set(c.flatMap((r) => Object.keys(r.byKind) as FileKind[]));
  const medianByKind: EngineSummary['firstSearch']['medianByKind'] = {};
  for (const kind of kinds) {
    medianByKind[kind] = {
      brotli: median(c.map((r) => r.byKind[kind]?.brotli ?? 0)),
      requests: median(c.map((r) => r.byKind[kind]?.requests ?? 0)),
    };
  }
  const repeats = w.map((r) => r.medianRepeat);
  return {
    queries: w.length,
    warm: {
      median: median(repeats),
      p95: p95(repeats),
      max: Math.max(...repeats),
      meanSearchCalls: sum(w.map((r) => r.firstInWarmPage.searchCalls)) / Math.max(1, w.length),
    },
    warmFirstTime: { median: median(w.map((r) => r.firstInWarmPage.total)), p95: p95(w.map((r) => r.firstInWarmPage.total)) },
    cold: {
      median: median(c.map((r) => r.timing.total)),
      p95: p95(c.map((r) => r.timing.total)),
      medianImport: median(c.map((r) => r.timing.importMs)),
      medianSearch: median(c.map((r) => r.timing.searchMs)),
      medianData: median(c.map((r) => r.timing.dataMs)),
    },
    firstSearch: {
      medianBrotli: median(c.map((r) => r.transfer.brotli)),
      maxBrotli: Math.max(...c.map((r) => r.transfer.brotli)),
      medianGzip: median(c.map((r) => r.transfer.gzip)),
      maxGzip: Math.max(...c.map((r) => r.transfer.gzip)),
      medianRequests: median(c.map((r) => r.transfer.requests)),
      medianSent: median(c.map((r) => r.transfer.sent)),
      medianByKind,
      pageScriptsBrotli: median(c.map((r) => r.pageScripts.brotli)),
      byLang: Object.fromEntries(
        (['th', 'en'] as const)
          .map((lang) => [lang, c.filter((r) => queryLang(r.query) === lang)] as const)
          .filter(([, runs]) => runs.length > 0)
          .map(([lang, runs]) => [
            lang,
            {
              queries: runs.length,
              medianBrotli: median(runs.map((r) => r.transfer.brotli)),
              maxBrotli: Math.max(...runs.map((r) => r.transfer.brotli)),
              medianMs: median(runs.map((r) => r.timing.total)),
            },
          ]),
      ),
    },
  };
}

export interface SearchPerformance {
  warm: WarmRow[];
  cold: ColdRun[];
  summary: Partial<Record<EngineName, EngineSummary>>;
}

/**
 * Warm and cold timings and first-search bytes of both engines, side by side, on one served site
 * (`engines`: ours alone when Pagefind defaults could not index the site).
 */
export async function measureSearchPerformance(
  browser: Browser,
  server: CompressingServer,
  queries: readonly SearchQuery[],
  opts: { rounds: number; coldQueries?: readonly SearchQuery[]; log?: (line: string) => void; engines?: readonly EngineName[] },
): Promise<SearchPerformance> {
  const engines = opts.engines ?? ENGINES;
  const engineScript = await engineBundle();
  const log = opts.log ?? (() => {});
  const coldQueries = opts.coldQueries ?? queries;
  // Once through both engines so the server has compressed what it serves before anything is timed.
  for (const engine of engines) await coldSearch(browser, server, engineScript, engine, queries[0]!);
  log(`  warm: ${queries.length} queries × (1 + ${opts.rounds}) passes × ${engines.length} engine${engines.length === 1 ? '' : 's'}`);
  const warm = await warmSearches(browser, server.url, engineScript, queries, opts.rounds, engines);
  log(`  cold: ${coldQueries.length} queries × ${engines.length} engine${engines.length === 1 ? '' : 's'}, each in a fresh browser context`);
  const cold: ColdRun[] = [];
  for (const [i, query] of coldQueries.entries()) {
    const order = i % 2 === 0 ? engines : [...engines].reverse();
    for (const engine of order) cold.push(await coldSearch(browser, server, engineScript, engine, query));
  }
  return { warm, cold, summary: Object.fromEntries(engines.map((engine) => [engine, summarize(engine, warm, cold)])) };
}
