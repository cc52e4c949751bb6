import { INVISIBLE } from '../unicode.ts';

/** Normalises a text as published: NFC (Thai marks in canonical order), no invisible characters, \n lines. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .replace(/[\t\u00A0\u3000]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ +$/, '').replace(/^ +/, ''))
    .join('\n');
}

// Thai consonants and the vowels written on the line; marks above and below are not counted as letters.
const THAI_LETTER = /[\u0E01-\u0E30\u0E32\u0E33\u0E40-\u0E46]/g;
const LATIN_LETTER = /[A-Za-z]/g;

/** The language a line of text is written in: Thai when Thai letters are a real share of its letters. */
export function detectLanguage(text: string): 'th' | 'en' {
  const thai = text.match(THAI_LETTER)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if (thai === 0 && latin === 0) return 'th';
  return thai >= latin * 0.3 ? 'th' : 'en';
}
