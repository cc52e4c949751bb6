import type { Lang } from './i18n/languages.ts';

/**
 * Thai is written without spaces, so reading speed is counted in characters, not words. Adults
 * read Thai prose at roughly 1,000 characters a minute (letters, vowels and tone marks
 * counted as typed, spaces not); English at about 230 words a minute.
 */
export const THAI_CHARACTERS_PER_MINUTE = 1000;
export const ENGLISH_WORDS_PER_MINUTE = 230;

/** Whole minutes to read a text, at least one. */
export function readingMinutes(text: string, lang: Lang): number {
  const amount = lang === 'th' ? text.replace(/\s+/g, '').length : (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
  const perMinute = lang === 'th' ? THAI_CHARACTERS_PER_MINUTE : ENGLISH_WORDS_PER_MINUTE;
  return Math.max(1, Math.round(amount / perMinute));
}
