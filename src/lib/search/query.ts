import {
  BOUNDARY_LETTER,
  CLUSTERS_PER_WORD,
  clusterEnd,
  clusters,
  clusterStart,
  endsOnVowel,
  hasThai,
  normalizeForSearch,
  silentFinalAt,
  spellCluster,
  spellLatin,
  type ClusterEnd,
} from './text.ts';

/**
 * A part of a query (the query is cut at spaces; a story must match every part).
 * - A part holding Thai is matched on cluster boundaries: `words` are the index words to look up, in
 *   order; word i must stand offsets[i] positions after word 0. Each entry lists the spellings that
 *   word may have (only the last varies: how the text goes on after the query).
 * - A Latin or digit part is one index word (spelled as text.ts spells Latin word starts), a prefix.
 */
export interface QueryPart {
  text: string;
  kind: 'thai' | 'latin';
  words: string[][];
  offsets: number[];
}

export interface ParsedQuery {
  /** The query as normalised, for display and highlighting. */
  text: string;
  parts: QueryPart[];
  /** For a query of Latin parts only, the parts written together (PM 2.5 also finds PM2.5). */
  joined: QueryPart | null;
}

/**
 * The index words a Thai part is looked up as (see text.ts, clusterWords), and where each stands: a
 * word every CLUSTERS_PER_WORD clusters, the last one moved back to end with the part, so that every
 * word is a whole index word (a short last word would be a prefix of thousands of words in many index
 * chunks). A part of up to CLUSTERS_PER_WORD clusters is one word, a prefix.
 */
export function thaiPartWords(part: string, perWord = CLUSTERS_PER_WORD): { words: string[][]; offsets: number[] } {
  const list = clusters(part);
  // After the query's last cluster the text may go on at a boundary, end its run, or (after a vowel) add a silent final consonant.
  const lastEnds: ClusterEnd[] = endsOnVowel(part) ? ['cut', 'end', 'silent'] : ['cut', 'end'];
  const words: string[][] = [];
  const offsets: number[] = [];
  const starts: number[] = [];
  for (let i = 0; i < list.length; i += perWord) starts.push(Math.min(i, Math.max(0, list.length - perWord)));
  for (const i of starts) {
    offsets.push(i);
    const group = list.slice(i, i + perWord);
    const head = group
      .slice(0, -1)
      .map((c) => spellCluster(c.text) + BOUNDARY_LETTER[c.end])
      .join('');
    const last = group.at(-1)!;
    const isLast = i + perWord >= list.length;
    const ends = isLast ? lastEnds : [last.end];
    words.push(ends.map((end) => (head + spellCluster(last.text) + BOUNDARY_LETTER[end]).toLowerCase()));
  }
  return { words, offsets };
}

function latinPart(text: string): QueryPart | null {
  const trimmed = text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return trimmed ? { text: trimmed, kind: 'latin', words: [[spellLatin(trimmed)]], offsets: [0] } : null;
}

export function parseQuery(raw: string): ParsedQuery {
  const text = normalizeForSearch(raw).replace(/\s+/g, ' ').trim();
  const parts = text
    .split(' ')
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .map((t): QueryPart | null => (hasThai(t) ? { text: t, kind: 'thai', ...thaiPartWords(t) } : latinPart(t)))
    .filter((p): p is QueryPart => p !== null);
  const joined = parts.length > 1 && parts.every((p) => p.kind === 'latin') ? latinPart(parts.map((p) => p.text).join('')) : null;
  return { text, parts, joined };
}

/** Whether a story's word positions hold every word of a part in its place (each entry: positions of one word; offsets as in QueryPart). */
export function wordsInPlace(positions: readonly ReadonlySet<number>[], offsets: readonly number[]): boolean {
  const [first, ...rest] = positions;
  if (!first) return false;
  for (const p of first) if (rest.every((set, i) => set.has(p + offsets[i + 1]!))) return true;
  return false;
}

const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{N}]/u;

/**
 * Where a text holds a query part, by the definition the index is built to (see text.ts): a Thai part
 * on cluster boundaries (a silent final consonant may follow a part ending on a vowel), a Latin part
 * where a word starts. `text` must be normalised (normalizeForSearch); case does not matter.
 */
export function partOccurrences(text: string, part: Pick<QueryPart, 'text' | 'kind'>): [number, number][] {
  const haystack = text.toLowerCase();
  const needle = part.text.toLowerCase();
  const vowelEnd = part.kind === 'thai' && endsOnVowel(needle);
  const out: [number, number][] = [];
  for (let s = haystack.indexOf(needle); s >= 0 && needle; s = haystack.indexOf(needle, s + 1)) {
    const e = s + needle.length;
    const ok =
      part.kind === 'latin'
        ? s === 0 || !LATIN_OR_DIGIT.test(haystack[s - 1]!)
        : clusterStart(haystack, s) && (clusterEnd(haystack, e) || (vowelEnd && silentFinalAt(haystack, e)));
    if (ok) out.push([s, e]);
  }
  return out;
}

export const textHasPart = (text: string, part: Pick<QueryPart, 'text' | 'kind'>): boolean => partOccurrences(normalizeForSearch(text), part).length > 0;

/** Whether a story's text holds the whole query (every part, or for Latin parts, the parts written together). */
export function textMatchesQuery(text: string, query: ParsedQuery): boolean {
  if (query.parts.length === 0) return false;
  return query.parts.every((p) => textHasPart(text, p)) || (query.joined !== null && textHasPart(text, query.joined));
}
