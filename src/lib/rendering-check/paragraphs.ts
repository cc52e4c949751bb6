import type { Span } from './types.ts';

/**
 * Paragraphs of a text, one per non-blank line (blank lines and single newlines both separate), with the
 * offsets of their trimmed text in the whole.
 */
export function splitParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  for (const line of text.matchAll(/[^\r\n]+/g)) {
    const leading = line[0].length - line[0].trimStart().length;
    const trimmed = line[0].trim();
    if (trimmed.length === 0) continue;
    const start = line.index + leading;
    paragraphs.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return paragraphs;
}
