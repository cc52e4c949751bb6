import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { CHUNK_STARTS_FILE } from '../../src/lib/search/chunks.ts';
import type { PagefindApi, PagefindResult, PagefindResultData } from '../../src/lib/search/engine.ts';

/**
 * Pagefind runs in the browser (WebAssembly); the project's search engine module runs here in Node,
 * driving the real index through this bridge, so corpus-scale measurements exercise the same code
 * paths as the search page without clicking "show more" a thousand times.
 */
export async function openPagefind(
  browser: Browser,
  pageUrl: string,
  bundles: string | readonly string[],
): Promise<{ api: PagefindApi; chunkStarts: string[]; page: Page }> {
  const all = typeof bundles === 'string' ? [bundles] : bundles;
  const [first, ...merged] = all;
  const page = await browser.newPage();
  await page.goto(pageUrl);
  // A string, not a function: the test runner would rewrite a dynamic import() inside a function.
  // Every bundle at once, as the search page does once the reader asks for every year: the newest loaded, the others merged into it.
  await page.evaluate(`(async () => {
    window.__pf = await import(${JSON.stringify(`${first}pagefind.js`)});
    for (const bundle of ${JSON.stringify(merged)}) await window.__pf.mergeIndex(bundle);
    window.__results = new Map();
  })()`);
  // Each bundle lists its own chunk starts beside it (src/lib/search/site-search.ts reads them the same way);
  // a plain Pagefind bundle (the benchmark's baseline) has no such list.
  const lists = await page.evaluate(
    async (urls) =>
      Promise.all(
        urls.map(async (url) => {
          const response = await fetch(url);
          return response.status === 404 ? [] : ((await response.json()) as string[]);
        }),
      ),
    all.map((bundle) => `${bundle}${CHUNK_STARTS_FILE}`),
  );
  const chunkStarts = [...new Set(lists.flat())].sort();
  const api: PagefindApi = {
    preload: (term) =>
      page.evaluate(async (t) => {
        await (window as unknown as { __pf: { preload: (t: string) => Promise<void> } }).__pf.preload(t);
      }, term),
    search: async (term, options) => {
      const results = await page.evaluate(
        async ([t, o]) => {
          const w = window as unknown as {
            __pf: { search: (t: string, o?: object) => Promise<{ results: { id: string; words: number[]; data: () => Promise<unknown> }[] } | null> };
            __results: Map<string, () => Promise<unknown>>;
          };
          const response = await w.__pf.search(t as string, o as object);
          return (response?.results ?? []).map((r) => {
            w.__results.set(r.id, r.data);
            return { id: r.id, words: r.words };
          });
        },
        [term, options ?? {}] as const,
      );
      return {
        results: results.map((r): PagefindResult => ({
          ...r,
          data: () =>
            page.evaluate(async (id) => {
              const w = window as unknown as { __results: Map<string, () => Promise<unknown>> };
              return (await w.__results.get(id)!()) as PagefindResultData;
            }, r.id) as Promise<PagefindResultData>,
        })),
      };
    },
  };
  return { api, chunkStarts, page };
}

export type OpenPagefind = Awaited<ReturnType<typeof openPagefind>>;

/** Queries a page answers before a fresh one takes over (it keeps every result it returned). */
const QUERIES_PER_PAGE = 25;

/**
 * One page for many queries: opening a page and loading every bundle costs several searches. A page
 * that has answered many queries now and then gave null for a result's data(); so the page is renewed
 * every few queries, and a query that fails runs once more in a fresh page (counted in `retried`).
 */
export function searchSession(browser: Browser, pageUrl: string, bundles: string | readonly string[]) {
  let current: OpenPagefind | null = null;
  let used = 0;
  const session = {
    retried: 0,
    async run<T>(query: (opened: OpenPagefind) => Promise<T>): Promise<T> {
      if (!current || used >= QUERIES_PER_PAGE) await renew();
      used += 1;
      try {
        return await query(current!);
      } catch {
        session.retried += 1;
        await renew();
        return query(current!);
      }
    },
    async close(): Promise<void> {
      await current?.page.close();
      current = null;
    },
  };
  async function renew(): Promise<void> {
    await session.close();
    current = await openPagefind(browser, pageUrl, bundles);
    used = 0;
  }
  return session;
}

/** The search bundles a built site's search page merges (its data-bundles attribute). */
export async function siteSearchBundles(siteUrl: string): Promise<string[]> {
  const html = await (await fetch(`${siteUrl}/th/search/`)).text();
  const attribute = /data-bundles="([^"]*)"/.exec(html)?.[1];
  if (!attribute) throw new Error(`${siteUrl}/th/search/ names no search bundles (data-bundles)`);
  return JSON.parse(attribute.replaceAll('&quot;', '"').replaceAll('&#34;', '"')) as string[];
}

/** Loads the details of many results in one round trip (Pagefind fetches the fragments in parallel). */
export async function loadAllData(page: Page, ids: string[]): Promise<PagefindResultData[]> {
  return page.evaluate(async (list) => {
    const w = window as unknown as { __results: Map<string, () => Promise<unknown>> };
    return (await Promise.all(list.map((id) => w.__results.get(id)!()))) as PagefindResultData[];
  }, ids);
}

const fragmentCache = new Map<string, PagefindResultData>();

/**
 * A result's stored record, read from the built site's fragment file rather than through the
 * browser: measuring thousands of results then costs one file read per story, not one fetch per
 * result per query. (Pagefind writes each fragment gzipped, after a "pagefind_dcd" signature.)
 */
export function readFragment(siteDir: string, id: string, bundles: readonly string[]): PagefindResultData {
  // A result's fragment lies in the bundle that indexed its story.
  const candidates = bundles.map((bundle) => join(siteDir, bundle, 'fragment', `${id}.pf_fragment`));
  const file = candidates.find((f) => fragmentCache.has(f) || existsSync(f)) ?? candidates[0]!;
  let data = fragmentCache.get(file);
  if (!data) {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    data = JSON.parse(text.slice(text.indexOf('{'))) as PagefindResultData;
    fragmentCache.set(file, data);
  }
  return data;
}
