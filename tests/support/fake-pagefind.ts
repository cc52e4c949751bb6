import type { PagefindApi, PagefindResult, PagefindResultData } from '../../src/lib/search/engine.ts';
import type { StoryRecord } from '../../src/lib/search/record.ts';
import { fromIndexText } from '../../src/lib/search/text.ts';

/**
 * A stand-in for Pagefind over records in memory, with the behaviour the engine relies on: words are
 * the content's whitespace-separated tokens, numbered in order, lower case, without punctuation or the
 * invisible marks text.ts adds (a hyphenated word also as its parts, at the same position); a query word finds every page holding a word that starts with it, with those
 * words' positions; every word of a query must be found; filters must all match. Like Pagefind, it
 * also matches the words of a record's metadata values, without positions. A result's text is the
 * content read back as published, as the site's fragments hold it. It does not rank
 * (pages come in record order) and has no chunks.
 */
export function fakePagefind(records: readonly StoryRecord[]): PagefindApi {
  const postings = new Map<string, Map<number, number[]>>();
  records.forEach((record, page) => {
    record.content.split(/\s+/).forEach((raw, position) => {
      const clean = raw.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, '');
      for (const word of new Set([clean.replaceAll('-', ''), ...clean.split('-')])) {
        if (!word) continue;
        const pages = postings.get(word) ?? new Map<number, number[]>();
        pages.set(page, [...(pages.get(page) ?? []), position]);
        postings.set(word, pages);
      }
    });
  });
  const metaWords = records.map((record) =>
    Object.values(record.meta).flatMap((value) =>
      value
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  );
  const sorted = [...postings.keys()].sort();
  /** The pages and positions of every word that starts with `prefix`. */
  const lookUp = (prefix: string): Map<number, number[]> => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out = new Map<number, number[]>();
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      for (const [page, positions] of postings.get(sorted[i]!)!) out.set(page, [...(out.get(page) ?? []), ...positions]);
    }
    return out;
  };
  /** Content positions by page, with the pages whose metadata alone holds a word starting with `prefix` (no positions). */
  const lookUpWithMeta = (prefix: string): Map<number, number[]> => {
    const out = lookUp(prefix);
    metaWords.forEach((words, page) => {
      if (!out.has(page) && words.some((w) => w.startsWith(prefix))) out.set(page, []);
    });
    return out;
  };
  return {
    preload: async () => {},
    search: async (term, options) => {
      const found = term
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s]/gu, '')
        .split(/\s+/)
        .filter(Boolean)
        .map(lookUpWithMeta);
      const filters = Object.entries(options?.filters ?? {});
      const results: PagefindResult[] = [];
      for (const page of (found[0] ?? new Map<number, number[]>()).keys()) {
        const record = records[page]!;
        if (
          !found.every((f) => f.has(page)) ||
          !filters.every(([key, value]) => (typeof value === 'string' ? [value] : value.any).some((v) => record.filters[key]?.includes(v)))
        )
          continue;
        // The site's fragments hold the text as published (publishFragments in the search index integration).
        const data = async (): Promise<PagefindResultData> => ({ url: record.url, content: fromIndexText(record.content), excerpt: '', meta: record.meta });
        results.push({ id: `page-${page}`, words: found.flatMap((f) => f.get(page)!).sort((a, b) => a - b), data });
      }
      return { results: results.sort((a, b) => Number(a.id.slice(5)) - Number(b.id.slice(5))) };
    },
  };
}
