import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainTextParagraphs } from '../../src/lib/rendering-check/plain-text.ts';
import { THAI_MONTHS } from '../../src/lib/thai-calendar.ts';

/**
 * Real same-story Thai/English pairs found in the thaigov corpus by rule, never by the check itself:
 *   - an English item and the Thai item of the same days (the English comes out up to 3 days later) that
 *     gives the English's first date and shares most of its numbers and Latin names, clearly more than any
 *     other Thai item of those days;
 *   - a Thai item that carries its own English rendering below the Thai (bilingual releases), when the
 *     two parts share most of their numbers.
 * Numbers are compared as values (Thai digits read, thousands separators dropped, B.E. years made C.E.),
 * numbers under 10 left out: they agree by chance.
 */

export interface CorpusPair {
  /** "th/0075.txt ↔ en/0254.txt", or the one file of a bilingual release. */
  name: string;
  thaiFile: string;
  englishFile: string;
  thai: string[];
  english: string[];
}

interface IndexEntry {
  file: string;
  date: string;
}

const DAY = 86_400_000;

/** The numbers of a text as values, for pairing and for telling whether a mutated figure is new. */
export function numberValues(text: string): Set<number> {
  const digits = text.replace(/[๐-๙]/gu, (digit) => String(digit.charCodeAt(0) - 0x0e50));
  const values = new Set<number>();
  for (const match of digits.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
    const value = Number(match[0].replaceAll(',', ''));
    values.add(value);
    if (Number.isInteger(value) && value >= 2400 && value <= 2700) values.add(value - 543);
  }
  return values;
}

/** Numbers that tell stories apart: not small counts (they agree by chance) and not years (every story of a year has them). */
const significant = (values: Set<number>) =>
  new Set([...values].filter((value) => (value >= 10 || !Number.isInteger(value)) && !(value >= 1900 && value <= 2700)));
const NOT_NAMES = new Set(['the', 'and', 'for', 'mr', 'mrs', 'ms', 'prime', 'minister', 'thailand', 'thai', 'government']);
const latinNames = (text: string) => new Set([...text.matchAll(/\b[A-Z][A-Za-z]{2,}\b/g)].map((m) => m[0].toLowerCase()).filter((w) => !NOT_NAMES.has(w)));
const shared = <T>(a: Set<T>, b: Set<T>) => [...a].filter((x) => b.has(x)).length;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** A month's Thai names, full and abbreviated (0 = January). */
const monthNames = (index: number): string[] => [THAI_MONTHS[index]!.full, THAI_MONTHS[index]!.short];

/** The English item's first date ("January 23", "23 January") is in the Thai as "23 มกราคม" (or the short month). */
function sameEventDay(english: string, thai: string): boolean {
  const match =
    /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})\b|\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/.exec(
      english,
    );
  if (!match) return true;
  const month = MONTHS.indexOf((match[1] ?? match[4])!.toLowerCase());
  const day = Number(match[2] ?? match[3]);
  const digits = thai.replace(/[๐-๙]/gu, (d) => String(d.charCodeAt(0) - 0x0e50));
  return monthNames(month).some((name) => new RegExp(`(?<!\\d)${day}\\s*${name.replaceAll('.', '\\.')}`, 'u').test(digits));
}

/** A line of a bilingual release that is English: long, and with no Thai letters. */
const isEnglishLine = (line: string) => line.length >= 60 && !/[\u0e00-\u0e7f]/u.test(line) && /[A-Za-z]{3}/.test(line);

/** Splits a bilingual release where its English part starts (three English lines in a row), or null. */
function bilingualParts(paragraphs: string[]): { thai: string[]; english: string[] } | null {
  const start = paragraphs.findIndex((_, i) => paragraphs.slice(i, i + 3).length === 3 && paragraphs.slice(i, i + 3).every(isEnglishLine));
  if (start < 2) return null;
  const english = paragraphs.slice(start).filter((line) => !/[\u0e00-\u0e7f]/u.test(line));
  return { thai: paragraphs.slice(0, start), english };
}

/** Every line of a bilingual release after its header: its English part often follows a rule ("-----"). */
function allLines(raw: string): string[] {
  const [title] = plainTextParagraphs(raw);
  const lines = raw.split(/\r?\n/).map((line) => line.replace(/^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g, ''));
  const bodyStart = lines.findIndex((line, i) => i > 0 && line === title?.text);
  return lines
    .slice(bodyStart + 1)
    .filter((line) => /[\p{L}\p{N}]/u.test(line) && !/^[-*_=]{3,}/.test(line) && !/^ที่มา\s*:/u.test(line) && line !== title?.text);
}

export function findCorpusPairs(corpusDir: string): CorpusPair[] {
  const raw = (file: string) => readFileSync(join(corpusDir, file), 'utf8');
  const read = (file: string) => plainTextParagraphs(raw(file)).map((p) => p.text);
  const index = (file: string) => JSON.parse(readFileSync(join(corpusDir, file), 'utf8')) as IndexEntry[];
  const isEnglishItem = (paragraphs: string[]) => paragraphs.filter((p) => !/[\u0e00-\u0e7f]/u.test(p)).length > paragraphs.length / 2;
  const items = [...index('th-index.json'), ...index('en-index.json')].map((entry) => {
    const paragraphs = read(entry.file);
    const text = paragraphs.join('\n');
    return {
      ...entry,
      paragraphs,
      english: isEnglishItem(paragraphs),
      day: Date.parse(entry.date),
      numbers: significant(numberValues(text)),
      names: latinNames(text),
    };
  });
  // The Thai folder holds English items too (cabinet resolutions in English): they pair like the English folder's.
  const thaiItems = items.filter((item) => !item.english);
  const pairs: CorpusPair[] = [];
  const usedThai = new Set<string>();

  for (const entry of items.filter((item) => item.english)) {
    const english = entry.paragraphs;
    const numbers = entry.numbers;
    const names = entry.names;
    const day = entry.day;
    const scored = thaiItems
      .filter((item) => item.day <= day + DAY && item.day >= day - 3 * DAY)
      .filter((item) => sameEventDay(english.join('\n'), item.paragraphs.join('\n')))
      .map((item) => ({ item, numbers: shared(numbers, item.numbers), score: shared(numbers, item.numbers) + shared(names, item.names) }))
      .sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (!best || best.score < 4 || best.score < 1.5 * (second?.score ?? 0)) continue;
    // Most of the English's numbers, at least two beyond the day of the month, and names besides.
    if (best.numbers < 3 || best.numbers / numbers.size < 0.6 || best.score - best.numbers < 2) continue;
    usedThai.add(best.item.file);
    pairs.push({ name: `${best.item.file} ↔ ${entry.file}`, thaiFile: best.item.file, englishFile: entry.file, thai: best.item.paragraphs, english });
  }

  for (const item of thaiItems) {
    if (usedThai.has(item.file)) continue;
    const parts = bilingualParts(allLines(raw(item.file)));
    if (!parts) continue;
    const thaiNumbers = significant(numberValues(parts.thai.join('\n')));
    const englishNumbers = significant(numberValues(parts.english.join('\n')));
    if (englishNumbers.size > 0 && shared(englishNumbers, thaiNumbers) / englishNumbers.size < 0.6) continue;
    pairs.push({ name: `${item.file} (bilingual)`, thaiFile: item.file, englishFile: item.file, ...parts });
  }
  return pairs;
}
