import { numberValues } from './rendering-pairs.ts';
import { THAI_MONTHS } from '../../src/lib/thai-calendar.ts';

/**
 * Errors injected into a correct English rendering by rule, one per copy, for every kind the rendering
 * check must catch. A figure is mutated only when its value is in the Thai (so it was right), and only
 * into a value the Thai does not hold (so it is now wrong); the ground truth comes from the texts alone.
 */

export type MutationKind =
  | 'digit'
  | 'year'
  | 'gregorian-year'
  | 'day'
  | 'month'
  | 'percent'
  | 'dropped-magnitude'
  | 'magnitude'
  | 'currency'
  | 'list'
  | 'number-word'
  | 'ordinal'
  | 'time';

export const MUTATION_KINDS: readonly MutationKind[] = [
  'digit',
  'year',
  'gregorian-year',
  'day',
  'month',
  'percent',
  'dropped-magnitude',
  'magnitude',
  'currency',
  'list',
  'number-word',
  'ordinal',
  'time',
];

export interface Mutation {
  kind: MutationKind;
  paragraph: number;
  /** The mutated paragraph. */
  text: string;
  /** Where the new text sits in it. */
  start: number;
  end: number;
  from: string;
  to: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A month's Thai names, full and abbreviated (0 = January). */
const monthNames = (index: number): string[] => [THAI_MONTHS[index]!.full, THAI_MONTHS[index]!.short];
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const ORDINAL_WORDS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const ORDINAL_SUFFIX = (n: number) => (n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'));

/** Standalone numbers in English prose: not inside names ("COVID-19"), addresses or codes glued to letters. */
const NUMBER = /(?<![A-Za-z\d.,/:]|[A-Za-z]-)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d/])|\d+(?:\.\d+)?(?![\d/,]\d))(?!(?!(?:st|nd|rd|th|hrs?|s)\b)[A-Za-z])/g;

/** A deterministic generator, so the cases are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const plainValue = (token: string) => Number(token.replaceAll(',', ''));

function format(value: number, like: string): string {
  const decimals = like.includes('.') ? like.split('.')[1]!.length : 0;
  return like.includes(',') ? value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : value.toFixed(decimals);
}

/** Every single-figure mutation of one English paragraph, given the whole Thai story's numbers. */
export function mutationsOf(paragraph: number, english: string, thai: string, random: () => number): Mutation[] {
  const mutations: Mutation[] = [];
  const inThai = numberValues(thai);
  const isNew = (token: string) => !inThai.has(plainValue(token));
  const add = (kind: MutationKind, start: number, end: number, to: string) => {
    const from = english.slice(start, end);
    if (to === from) return;
    mutations.push({ kind, paragraph, text: english.slice(0, start) + to + english.slice(end), start, end: start + to.length, from, to });
  };
  const skip = [...english.matchAll(/https?:\/\/\S+|www\.\S+|\+?\d[\d -]{7,}\d/g)].map((m) => [m.index, m.index + m[0].length] as const);

  for (const match of english.matchAll(NUMBER)) {
    const token = match[0];
    const start = match.index;
    const end = start + token.length;
    if (skip.some(([from, to]) => start >= from && start < to)) continue;
    const value = plainValue(token);
    const before = english.slice(Math.max(0, start - 30), start);
    const after = english.slice(end, end + 30);
    const isClock = /^\d{1,2}[.:]\d{2}$/.test(token) && /^\s*(?:hrs|hours|a\.m\.|p\.m\.|am\b|pm\b|น\.)/i.test(after);
    const isMilitaryClock = /^\d{4}$/.test(token) && /^\s*(?:hrs|hours)/i.test(after);
    // A time is in the Thai as h.mm (17.00 น.): "1700hrs" and "5.00 p.m." are looked for that way.
    const clockValue = (hours: number, minutes: number) => Number(`${hours}.${String(minutes).padStart(2, '0')}`);
    const [clockHours, clockMinutes] = isMilitaryClock ? [Math.floor(value / 100), value % 100] : isClock ? token.split(/[.:]/).map(Number) : [0, 0];
    const pm = /^\s*(?:p\.m\.|pm\b)/i.test(after) && clockHours! < 12 ? 12 : 0;
    if (isClock || isMilitaryClock ? !inThai.has(clockValue(clockHours! + pm, clockMinutes!)) : !inThai.has(value)) continue;
    const isYear = /^\d{4}$/.test(token) && value >= 1950 && value <= 2100 && !isMilitaryClock;
    const isPercent = /^\s*(?:%|per\s?cent|percent)/i.test(after);
    const magnitude = /^\s*(million|billion|trillion)\b/.exec(after);
    const ordinal = /^(?:st|nd|rd|th)\b/.exec(after);
    const monthNear = new RegExp(`(?:${MONTHS.join('|')})\\s*$`).test(before) || new RegExp(`^\\s*(?:${MONTHS.join('|')})`).test(after);
    const inList = /\d(?:%|\s*per\s?cent)?\s*(?:,|and)\s*$/.test(before) && !/\d{4}\s*(?:,|and)\s*$/.test(before);

    // One digit changed, anywhere.
    const digits = [...token].flatMap((char, index) => (/\d/.test(char) ? [index] : []));
    const position = digits[Math.floor(random() * digits.length)]!;
    let digit = (Number(token[position]) + 1 + Math.floor(random() * 8)) % 10;
    if (position === digits[0] && digit === 0 && digits.length > 1) digit = 1 + (Number(token[position]) % 9);
    const changed = token.slice(0, position) + digit + token.slice(position + 1);
    if (isNew(changed)) add(inList ? 'list' : 'digit', start, end, changed);

    if (isYear) {
      const shifted = String(value + (random() < 0.5 ? -1 : 1));
      if (isNew(shifted)) add('year', start, end, shifted);
      // The English keeps the Thai's Buddhist-era digits without saying so.
      if (!/B\.\s?E\.\s*$/.test(before) && new RegExp(`${value + 543}`).test(thai.replace(/[๐-๙]/gu, (d) => String(d.charCodeAt(0) - 0x0e50)))) {
        add('gregorian-year', start, end, String(value + 543));
      }
    } else if (isClock || isMilitaryClock) {
      // An hour later: 0–23 on the 24-hour clock, 1–12 on the 12-hour one.
      const next = isMilitaryClock ? (clockHours! + 1) % 24 : (clockHours! % 12) + 1;
      const minutes = String(clockMinutes).padStart(2, '0');
      const to = isMilitaryClock ? `${String(next).padStart(2, '0')}${minutes}` : `${next}${token.includes(':') ? ':' : '.'}${minutes}`;
      if (!inThai.has(clockValue(isMilitaryClock ? next : (next % 12) + pm, clockMinutes!))) add('time', start, end, to);
    } else if (monthNear && value >= 1 && value <= 28 && Number.isInteger(value) && !ordinal) {
      const to = String(value + 1);
      if (isNew(to)) add('day', start, end, to);
    } else if (ordinal) {
      const to = value + 1;
      if (isNew(String(to))) add('ordinal', start, end + ordinal[0].length, `${to}${ORDINAL_SUFFIX(to)}`);
    } else if (isPercent) {
      const to = format(value + 1, token);
      if (isNew(to)) add('percent', start, end, to);
    }
    if (magnitude) {
      add('dropped-magnitude', end, end + magnitude[0].length, '');
      const swapped = magnitude[1] === 'million' ? 'billion' : 'million';
      add('magnitude', end + magnitude[0].indexOf(magnitude[1]!), end + magnitude[0].length, swapped);
    }
  }

  for (const match of english.matchAll(/\b(baht|Baht|US dollars?|dollars?)\b/g)) {
    add('currency', match.index, match.index + match[0].length, /baht/i.test(match[0]) ? 'US dollars' : 'baht');
  }
  for (const match of english.matchAll(new RegExp(`\\b(${MONTHS.join('|')})\\b`, 'g'))) {
    const month = MONTHS.indexOf(match[0]);
    // "May" is also a verb: only next to a number is it surely the month.
    if (match[0] === 'May' && !/\d\s*$/.test(english.slice(0, match.index)) && !/^\s*\d/.test(english.slice(match.index + 3))) continue;
    const next = (month + 1 + Math.floor(random() * 10)) % 12;
    if (!monthNames(next).some((word) => thai.includes(word))) add('month', match.index, match.index + match[0].length, MONTHS[next]!);
  }
  for (const match of english.matchAll(new RegExp(`\\b(${WORDS.slice(2).join('|')})\\b`, 'gi'))) {
    const value = WORDS.indexOf(match[0].toLowerCase());
    if (!inThai.has(value) && !thaiSpells(thai, value)) continue;
    const to = WORDS[value === 12 ? 11 : value + 1]!;
    if (!inThai.has(WORDS.indexOf(to)))
      add('number-word', match.index, match.index + match[0].length, match[0][0] === match[0][0]!.toUpperCase() ? to[0]!.toUpperCase() + to.slice(1) : to);
  }
  for (const match of english.matchAll(new RegExp(`\\b(${ORDINAL_WORDS.slice(2).join('|')})\\b`, 'g'))) {
    const value = ORDINAL_WORDS.indexOf(match[0]);
    if (!inThai.has(value) && !thaiSpells(thai, value)) continue;
    const to = ORDINAL_WORDS[value === 12 ? 11 : value + 1]!;
    if (!inThai.has(ORDINAL_WORDS.indexOf(to))) add('ordinal', match.index, match.index + match[0].length, to);
  }
  return mutations;
}

const THAI_WORDS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า', 'สิบ', 'สิบเอ็ด', 'สิบสอง'];

/** The Thai writes the number as a word ("สองวัน", "ครั้งที่สาม"). */
function thaiSpells(thai: string, value: number): boolean {
  const word = THAI_WORDS[value];
  return word !== undefined && new RegExp(`(?:ที่|ทั้ง)?${word}(?:วัน|ปี|เดือน|ฝ่าย|ประเทศ|ครั้ง|คน|สมัย|ด้าน|ประการ|ข้อ)`, 'u').test(thai);
}
