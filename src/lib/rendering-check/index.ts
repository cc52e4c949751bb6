import { compareLocatedParagraphs, compareParagraphs } from './check.ts';
import { splitParagraphs } from './paragraphs.ts';
import type { Finding } from './types.ts';

export type { Finding, FindingKind, Span } from './types.ts';
export { splitParagraphs } from './paragraphs.ts';

/**
 * Figures and names in an English rendering that its Thai text does not support. Paragraphs are lines;
 * with equal paragraph counts they are compared pair by pair, otherwise the English is checked against the
 * whole Thai (a shortened rendering: omissions are fine) and `paragraph` is null. Offsets are into the texts given.
 */
export function checkRendering(thai: string, english: string): Finding[] {
  return compareLocatedParagraphs(splitParagraphs(thai), splitParagraphs(english));
}

/**
 * The same check on paragraphs already split. Offsets are within each paragraph, so `paragraph` (English)
 * and `thaiParagraph` are always given, also when the story is compared as a whole.
 */
export function checkParagraphs(thai: string[], english: string[]): Finding[] {
  return compareParagraphs(thai, english).findings;
}
