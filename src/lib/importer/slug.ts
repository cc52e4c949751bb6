import { createHash } from 'node:crypto';

/** Short, stable fingerprint of a text: the same story always gets the same one. */
export function shortHash(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'to', 'for', 'and', 'with', 'at', 'by', 'from']);

/**
 * A URL slug from the Latin words of a title: "PM meets with Bayer AG's executives" → "pm-meets-bayer-ag-executives".
 * Returns null when the title has too few Latin words to name the story (a Thai title, say).
 */
export function slugFromTitle(title: string, maxWords = 8): string | null {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, 's')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP_WORDS.has(w));
  if (words.length < 2) return null;
  return words.slice(0, maxWords).join('-');
}
