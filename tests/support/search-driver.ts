import type { Browser, Page } from 'playwright-core';
import type { PagefindApi, PagefindResult, PagefindResultData } from '../../src/lib/search/engine.ts';

/**
 * Pagefind runs in the browser (WebAssembly); the project's search engine module runs here in Node,
 * driving the real index through this bridge, so corpus-scale measurements exercise the same code
 * paths as the search page without clicking "show more" a thousand times.
 */
export async function openPagefind(browser: Browser, pageUrl: string, bundle = '/pagefind/'): Promise<{ api: PagefindApi; page: Page }> {
  const page = await browser.newPage();
  await page.goto(pageUrl);
  await page.evaluate(async (bundlePath) => {
    const pf = (await import(`${bundlePath}pagefind.js`)) as { search: (t: string, o?: object) => Promise<{ results: { id: string; words: number[]; data: () => Promise<unknown> }[] } | null> };
    const w = window as unknown as { __pf: typeof pf; __results: Map<string, () => Promise<unknown>> };
    w.__pf = pf;
    w.__results = new Map();
  }, bundle);
  const api: PagefindApi = {
    search: async (term, options) => {
      const results = await page.evaluate(
        async ([t, o]) => {
          const w = window as unknown as { __pf: { search: (t: string, o?: object) => Promise<{ results: { id: string; words: number[]; data: () => Promise<unknown> }[] } | null> }; __results: Map<string, () => Promise<unknown>> };
          const response = await w.__pf.search(t as string, o as object);
          return (response?.results ?? []).map((r) => {
            w.__results.set(r.id, r.data);
            return { id: r.id, words: r.words };
          });
        },
        [term, options ?? {}] as const,
      );
      return {
        results: results.map(
          (r): PagefindResult => ({
            ...r,
            data: () =>
              page.evaluate(async (id) => {
                const w = window as unknown as { __results: Map<string, () => Promise<unknown>> };
                return (await w.__results.get(id)!()) as PagefindResultData;
              }, r.id) as Promise<PagefindResultData>,
          }),
        ),
      };
    },
  };
  return { api, page };
}

/** Loads the details of many results in one round trip (Pagefind fetches the fragments in parallel). */
export async function loadAllData(page: Page, ids: string[]): Promise<PagefindResultData[]> {
  return page.evaluate(async (list) => {
    const w = window as unknown as { __results: Map<string, () => Promise<unknown>> };
    return (await Promise.all(list.map((id) => w.__results.get(id)!()))) as PagefindResultData[];
  }, ids);
}
