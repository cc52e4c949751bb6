import type { Lang } from '../i18n/languages.ts';
import { chunkStartsToPreload } from './chunks.ts';
import { buildExcerpt, type ExcerptPart } from './excerpt.ts';
import { parseQuery, piecesAreContiguous, textContainsQuery, toPagefindQuery, type ParsedQuery } from './query.ts';
import { splitVersions } from './record.ts';

/** The part of Pagefind's browser API the site uses. */
export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindResult {
  id: string;
  words: number[];
  data: () => Promise<PagefindResultData>;
}
export interface PagefindApi {
  search: (term: string, options?: { filters?: Record<string, string> }) => Promise<{ results: PagefindResult[] } | null>;
  preload: (term: string) => Promise<void>;
}

export type LanguageFilter = 'all' | Lang;

export interface SearchOutcome {
  query: ParsedQuery;
  /** Stories that match, best first; their details load on demand. */
  results: PagefindResult[];
}

/**
 * Runs a query. Pagefind finds pages holding every word somewhere; a term cut into several words
 * (ปูติน → ปู|ติน) must stand as one run of consecutive words, so each such term is also searched on
 * its own and checked, and only stories passing every term are kept, in Pagefind's order of relevance.
 * `chunkStarts` (the site's chunk-starts.json) lets longer words in later index chunks match too (chunks.ts).
 */
export async function searchStories(pagefind: PagefindApi, chunkStarts: readonly string[], raw: string, filter: LanguageFilter): Promise<SearchOutcome> {
  const query = parseQuery(raw);
  if (query.terms.length === 0) return { query, results: [] };
  const preloads = chunkStartsToPreload(chunkStarts, query.text);
  // The query's own words go in the same preload: every chunk then loads in one round, not two.
  if (preloads.length > 0) await pagefind.preload([query.text, ...preloads].join(' '));
  const options = filter === 'all' ? {} : { filters: { language: filter } };
  const response = await pagefind.search(query.text, options);
  let results = response?.results ?? [];
  if (query.terms.length === 1) {
    results = results.filter((r) => piecesAreContiguous(query.terms[0]!.pieces.length, r.words));
  } else {
    for (const term of query.terms.filter((t) => t.pieces.length > 1)) {
      const alone = await pagefind.search(toPagefindQuery(term.pieces), options);
      const passing = new Set((alone?.results ?? []).filter((r) => piecesAreContiguous(term.pieces.length, r.words)).map((r) => r.id));
      results = results.filter((r) => passing.has(r.id));
    }
  }
  return { query, results };
}

export interface StoryHit {
  story: string;
  date: string;
  section: string;
  /** The version to open: the reader's language when it matched, else the version that did. */
  main: { lang: Lang; url: string; title: string };
  other: { lang: Lang; url: string; title: string } | null;
  matchedIn: Lang[];
  excerpt: ExcerptPart[];
}

const isLangValue = (v: string): v is Lang => v === 'th' || v === 'en';

/**
 * Loads a result's details and checks it for real: the story's text must contain the query. A page
 * Pagefind matched only through a shorter word (its fallback when nothing starts with the query) is dropped.
 */
export async function loadStoryHit(result: PagefindResult, query: ParsedQuery, readerLang: Lang): Promise<StoryHit | null> {
  const data = await result.data();
  const langs = (data.meta['langs'] ?? '').split(',').filter(isLangValue);
  const texts = splitVersions(data.content, langs);
  const matchedIn = langs.filter((lang) => textContainsQuery(texts[lang] ?? '', query));
  if (matchedIn.length === 0) return null;
  const version = (lang: Lang) => ({ lang, url: data.meta[`url_${lang}`] ?? '', title: data.meta[`title_${lang}`] ?? '' });
  const mainLang = matchedIn.includes(readerLang) ? readerLang : matchedIn[0]!;
  const otherLang = langs.find((l) => l !== mainLang);
  return {
    story: data.meta['story'] ?? '',
    date: data.meta['date'] ?? '',
    section: data.meta['section'] ?? '',
    main: version(mainLang),
    other: otherLang ? version(otherLang) : null,
    matchedIn,
    excerpt: buildExcerpt(texts[mainLang] ?? '', query.terms.map((t) => t.text)),
  };
}
