/** A piece of a result excerpt: plain text, or a matched word to highlight. */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

/**
 * An excerpt around the first place the text contains a query term, with every exact occurrence of a
 * term marked. Built from the story's own text, so what is highlighted is exactly what matched.
 */
export function buildExcerpt(text: string, terms: readonly string[], radius = 90): ExcerptPart[] {
  const clean = text.replace(/\u200B/g, '').replace(/\s+/g, ' ').trim();
  const lower = clean.toLowerCase();
  const needles = [...new Set(terms.map((t) => t.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const first = Math.min(...needles.map((n) => lower.indexOf(n)).filter((i) => i >= 0));
  const center = Number.isFinite(first) ? first : 0;
  let start = Math.max(0, center - radius);
  let end = Math.min(clean.length, center + radius * 2);
  // Cut at spaces so the excerpt does not begin or end inside a word.
  if (start > 0) start = clean.indexOf(' ', start) + 1 || start;
  if (end < clean.length) end = clean.lastIndexOf(' ', end) > center ? clean.lastIndexOf(' ', end) : end;
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '… ', match: false });
  let i = start;
  while (i < end) {
    const hit = needles.find((n) => lower.startsWith(n, i));
    if (hit) {
      parts.push({ text: clean.slice(i, i + hit.length), match: true });
      i += hit.length;
      continue;
    }
    const last = parts.at(-1);
    if (last && !last.match) last.text += clean[i];
    else parts.push({ text: clean[i]!, match: false });
    i++;
  }
  if (end < clean.length) parts.push({ text: ' …', match: false });
  return parts;
}
