import type { Lang } from '../i18n/languages.ts';
import { chunkStartsToPreload } from './chunks.ts';
import { buildExcerpt, type ExcerptPart } from './excerpt.ts';
import { parseQuery, textHasPart, wordsInPlace, type ParsedQuery, type QueryPart } from './query.ts';
import { splitVersions } from './record.ts';
import { LATIN_WORD_CHARS } from './text.ts';

/** The part of Pagefind's browser API the site uses. */
export interface PagefindResultData {
  url: string;
  /** The story's versions as published, normalised (see publishFragments in the search index integration). */
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
  search: (term: string, options?: { filters?: Record<string, PagefindFilter> }) => Promise<{ results: PagefindResult[] } | null>;
  preload: (term: string) => Promise<void>;
}

/** A filter value: one value, or any of several. */
export type PagefindFilter = string | { any: string[] };

export type LanguageFilter = 'all' | Lang;
export type SortOrder = 'relevance' | 'date';

export interface SearchOptions {
  language: LanguageFilter;
  /** A publication year (Common Era, Bangkok time), or null for every year. */
  year: number | null;
  /** Without a year: the years searched (site-search.ts searches the newest first), or none for every year. */
  years?: readonly number[] | null;
  /**
   * False when the index holds only the stories of the year or years searched (site-search.ts loaded
   * no other bundle): a year filter would then keep every story, and only cost its files.
   */
  filterYears?: boolean;
  /** The index bundles searched, when more than one is merged into the index (site-search.ts): see latinStories. */
  bundles?: readonly string[];
  sort: SortOrder;
  /** For sort 'date': each result's publication day (see dates.ts in this folder), loaded only then. */
  days?: () => Promise<ReadonlyMap<string, number>>;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = { language: 'all', year: null, sort: 'relevance' };

export interface SearchOutcome {
  query: ParsedQuery;
  /** Stories that match, in the order asked for; their details load on demand. */
  results: PagefindResult[];
}

/**
 * Runs a query. Each index word is looked up on its own (Pagefind would drop a word that matches
 * nothing instead of failing the query), a Thai part's words must stand in their places (query.ts),
 * and a story must hold every part. So every result holds the query on cluster boundaries, and every
 * story that does is found: the count is exact before any result is loaded.
 * `chunkStarts` (the site's chunk-starts.json) lets a short query find the longer words in later index chunks (chunks.ts).
 */
export async function searchStories(
  pagefind: PagefindApi,
  chunkStarts: readonly string[],
  raw: string,
  options: SearchOptions = DEFAULT_SEARCH_OPTIONS,
): Promise<SearchOutcome> {
  const query = parseQuery(raw);
  if (query.parts.length === 0) return { query, results: [] };
  const allParts = query.joined ? [...query.parts, query.joined] : query.parts;
  const words = [...new Set(allParts.flatMap((p) => p.words.flat()))];
  const preloads = chunkStartsToPreload(chunkStarts, words.join(' '));
  // Every chunk in one round: the query's own words with the chunks their longer words may lie in.
  await pagefind.preload([...words, ...preloads].join(' '));
  const filters: Record<string, PagefindFilter> = {};
  if (options.language !== 'all') filters['language'] = options.language;
  if (options.filterYears !== false) {
    if (options.year !== null) filters['year'] = String(options.year);
    else if (options.years) filters['year'] = { any: options.years.map(String) };
  }

  const found = new Map<string, Map<string, PagefindResult>>();
  const lookUp = async (word: string) => {
    let hits = found.get(word);
    if (!hits) {
      const response = await pagefind.search(word, { filters });
      hits = storyTextHits(response?.results ?? []);
      found.set(word, hits);
    }
    return hits;
  };
  // Pagefind falls back to a shorter word in each index bundle on its own (see latinStories), so with
  // bundles merged, a Latin word's stories are checked bundle by bundle (each record names its bundle).
  const bundles = options.bundles ?? [];
  const storiesWith = async (part: QueryPart): Promise<Map<string, PagefindResult>> => {
    if (part.kind === 'latin') {
      const word = part.words[0]![0]!;
      if (bundles.length < 2) return latinStories(part, await lookUp(word));
      const groups = await Promise.all(
        bundles.map(async (bundle) => {
          const response = await pagefind.search(word, { filters: { ...filters, bundle } });
          return latinStories(part, storyTextHits(response?.results ?? []));
        }),
      );
      const verified = new Set(groups.flatMap((g) => [...g.keys()]));
      // Pagefind's order over all bundles, for ranking.
      return new Map([...(await lookUp(word))].filter(([id]) => verified.has(id)));
    }
    // Each word's stories with their positions, over the word's spellings.
    const perWord = await Promise.all(
      part.words.map(async (spellings) => {
        const merged = new Map<string, { result: PagefindResult; positions: Set<number> }>();
        for (const hits of await Promise.all(spellings.map(lookUp))) {
          for (const [id, r] of hits) {
            const entry = merged.get(id) ?? { result: r, positions: new Set<number>() };
            for (const w of r.words) entry.positions.add(w);
            merged.set(id, entry);
          }
        }
        return merged;
      }),
    );
    const out = new Map<string, PagefindResult>();
    for (const [id, { result, positions }] of perWord[0]!) {
      const rest = perWord.slice(1).map((m) => m.get(id)?.positions);
      if (rest.some((r) => !r)) continue;
      if (wordsInPlace([positions, ...(rest as Set<number>[])], part.offsets)) out.set(id, result);
    }
    return out;
  };

  const partHits: Map<string, PagefindResult>[] = [];
  for (const part of query.parts) partHits.push(await storiesWith(part));
  const matching = new Map([...partHits[0]!].filter(([id]) => partHits.every((m) => m.has(id))));
  if (query.joined) for (const [id, r] of await storiesWith(query.joined)) matching.set(id, r);

  let order: string[];
  if (options.sort === 'date' && options.days) {
    const days = await options.days();
    order = [...matching.keys()].sort((a, b) => (days.get(b) ?? 0) - (days.get(a) ?? 0));
  } else {
    // Relevance as Pagefind scores the whole query; its ranking of any story it left out comes last.
    const ranked =
      words.length === 1
        ? [...(found.get(words[0]!)?.keys() ?? [])]
        : ((await pagefind.search(query.parts.flatMap((p) => p.words.map((w) => w[0]!)).join(' '), { filters }))?.results ?? []).map((r) => r.id);
    const seen = new Set<string>();
    order = [...ranked, ...matching.keys()].filter((id) => matching.has(id) && !seen.has(id) && (seen.add(id), true));
  }
  return { query, results: order.map((id) => matching.get(id)!) };
}

/**
 * Pagefind also matches words of a record's metadata (its slug, addresses, date), which a reader never
 * reads as the story's text; such a result has no word positions in the text, and is left out.
 */
function storyTextHits(results: readonly PagefindResult[]): Map<string, PagefindResult> {
  return new Map(results.filter((r) => r.words.length > 0).map((r) => [r.id, r]));
}

/**
 * A Latin word's stories. When no indexed word starts with it, Pagefind answers with the stories of
 * the longest indexed word it starts with (INVX → in…): then no story holds it, and every result is
 * wrong; otherwise every result is right. The first few results' text tells the two apart.
 */
async function latinStories(part: QueryPart, hits: Map<string, PagefindResult>): Promise<Map<string, PagefindResult>> {
  // A part longer than an index word was looked up by its start: each result is checked.
  if ([...part.text].length > LATIN_WORD_CHARS) {
    const holds = await Promise.all([...hits.values()].map(async (result) => textHasPart((await result.data()).content, part)));
    return new Map([...hits].filter((_, i) => holds[i]));
  }
  const sample = [...hits.values()].slice(0, 3);
  for (const result of sample) {
    const data = await result.data();
    if (textHasPart(data.content, part)) return hits;
  }
  return new Map();
}

export interface StoryHit {
  story: string;
  date: string;
  section: string;
  /** The version to open: the reader's language when it matched, else the version that did. */
  main: { lang: Lang; url: string; title: string };
  other: { lang: Lang; url: string; title: string } | null;
  matchedIn: Lang[];
  /** The title of the version shown, with the query marked. */
  title: ExcerptPart[];
  excerpt: ExcerptPart[];
}

const isLangValue = (v: string): v is Lang => v === 'th' || v === 'en';

/**
 * Loads a result's details: which language versions hold the query (the index covers the story as a
 * whole), the version to show, and its excerpt.
 */
export async function loadStoryHit(result: PagefindResult, query: ParsedQuery, readerLang: Lang): Promise<StoryHit | null> {
  const data = await result.data();
  const langs = (data.meta['langs'] ?? '').split(',').filter(isLangValue);
  const texts = splitVersions(data.content, langs);
  const holds = (text: string) => query.parts.every((p) => textHasPart(text, p)) || (query.joined !== null && textHasPart(text, query.joined));
  const matchedIn = langs.filter((lang) => holds(texts[lang] ?? ''));
  if (matchedIn.length === 0) return null;
  const version = (lang: Lang) => ({ lang, url: data.meta[`url_${lang}`] ?? '', title: data.meta[`title_${lang}`] ?? '' });
  const mainLang = matchedIn.includes(readerLang) ? readerLang : matchedIn[0]!;
  const otherLang = langs.find((l) => l !== mainLang);
  const terms = query.joined ? [...query.parts, query.joined] : query.parts;
  const main = version(mainLang);
  return {
    story: data.meta['story'] ?? '',
    date: data.meta['date'] ?? '',
    section: data.meta['section'] ?? '',
    main,
    other: otherLang ? version(otherLang) : null,
    matchedIn,
    title: buildExcerpt(main.title, terms, Infinity),
    excerpt: buildExcerpt(texts[mainLang] ?? '', terms),
  };
}
