import { normalizeForSearch, spellThai, termPieces } from './text.ts';

/** A query as the reader typed it, cut into terms (at spaces) and each term into the words Pagefind matches. */
export interface ParsedQuery {
  /** The text handed to Pagefind: every term's pieces, separated by spaces. */
  text: string;
  terms: { text: string; pieces: string[] }[];
}

export function parseQuery(raw: string): ParsedQuery {
  const text = normalizeForSearch(raw).replace(/\s+/g, ' ').trim();
  const terms = text
    .split(' ')
    .filter(Boolean)
    .map((t) => ({ text: t, pieces: termPieces(t) }))
    .filter((t) => t.pieces.length > 0);
  return { text: toPagefindQuery(terms.flatMap((t) => t.pieces)), terms };
}

/** The words as Pagefind must be asked for them: Thai spelled as in the index. */
export function toPagefindQuery(pieces: readonly string[]): string {
  return spellThai(pieces.join(' '));
}

/** Length of the longest run of consecutive word positions. */
export function longestRun(positions: readonly number[]): number {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  let best = sorted.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    run = sorted[i] === sorted[i - 1]! + 1 ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/** Whether a page's matched word positions hold a run as long as a term's pieces. */
export function piecesAreContiguous(pieceCount: number, positions: readonly number[]): boolean {
  return pieceCount <= 1 || longestRun(positions) >= pieceCount;
}

/** Text compared without case, marks order, invisible characters or digit script: for the final check of a shown result. */
export function comparable(text: string): string {
  return normalizeForSearch(text).toLowerCase();
}

/** Whether a page's text really contains every term of the query (terms are matched as typed, spaces aside). */
export function textContainsQuery(text: string, query: ParsedQuery): boolean {
  const haystack = comparable(text);
  return query.terms.every((t) => haystack.includes(comparable(t.text)));
}
