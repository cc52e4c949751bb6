import { partOccurrences, type QueryPart } from './query.ts';
import { normalizeForSearch } from './text.ts';

/** A piece of a result excerpt: plain text, or a matched word to highlight. */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

/**
 * An excerpt around the first place the text holds a query part, with every occurrence of a part
 * marked: the same occurrences the search matched (query.ts), so what is highlighted is what matched.
 * With an infinite radius, the whole text (a title).
 */
export function buildExcerpt(text: string, parts: readonly QueryPart[], radius = 90): ExcerptPart[] {
  const clean = normalizeForSearch(text).replace(/\s+/g, ' ').trim();
  const marked = new Array<boolean>(clean.length).fill(false);
  let first = Infinity;
  for (const part of parts) {
    for (const [s, e] of partOccurrences(clean, part)) {
      first = Math.min(first, s);
      marked.fill(true, s, e);
    }
  }
  const center = Number.isFinite(first) ? first : 0;
  let start = Math.max(0, center - radius);
  let end = Math.min(clean.length, center + radius * 2);
  // Cut at spaces so the excerpt does not begin or end inside a word.
  if (start > 0) start = clean.indexOf(' ', start) + 1 || start;
  if (end < clean.length) end = clean.lastIndexOf(' ', end) > center ? clean.lastIndexOf(' ', end) : end;
  const out: ExcerptPart[] = [];
  if (start > 0) out.push({ text: '… ', match: false });
  for (let i = start; i < end; i++) {
    const last = out.at(-1);
    if (last && last.match === marked[i] && last.text !== '… ') last.text += clean[i];
    else out.push({ text: clean[i]!, match: marked[i]! });
  }
  if (end < clean.length) out.push({ text: ' …', match: false });
  return out;
}
