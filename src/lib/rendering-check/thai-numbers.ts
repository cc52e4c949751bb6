import { BUDDHIST_ERA_OFFSET } from '../dates.ts';
import { THAI_MONTHS } from '../thai-calendar.ts';
import type { Currency, Unit } from './types.ts';

// The era offset and the month names are the site's own (dates.ts, thai-calendar.ts); the offset is re-exported for format.ts.
export { BUDDHIST_ERA_OFFSET };

/** Thai digits ๐–๙ become 0–9 one for one, so character offsets stay the same. */
export function normalizeThaiDigits(text: string): string {
  return text.replace(/[๐-๙]/gu, (digit) => String(digit.charCodeAt(0) - 0x0e50));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Full names first so "มกราคม" is not read as a shorter match; abbreviations may drop the last dot ("ก.พ2565"). */
export const THAI_MONTH_PATTERN = [
  ...THAI_MONTHS.map((m) => escapeRegExp(m.full)),
  ...THAI_MONTHS.map((m) => `${escapeRegExp(m.short.slice(0, -1))}\\.?`),
].join('|');

/** 1-based month of a Thai month name or abbreviation, or null. */
export function thaiMonthNumber(name: string): number | null {
  const bare = name.replaceAll('.', '');
  const index = THAI_MONTHS.findIndex((m) => m.full === name || m.short.replaceAll('.', '') === bare);
  return index === -1 ? null : index + 1;
}

/** Thai magnitude words multiply in sequence: "แสนล้าน" is 10^5 × 10^6. */
export const THAI_MAGNITUDES: Readonly<Record<string, number>> = {
  พัน: 1e3,
  หมื่น: 1e4,
  แสน: 1e5,
  ล้าน: 1e6,
};

/** Words that start like a magnitude but are not one: "พันธมิตร" (ally), "พันเอก" (colonel). */
export const NOT_MAGNITUDES = ['พันธ', 'พันเอก', 'พันโท', 'พันตรี', 'พันตำรวจ', 'พันจ่า', 'พันทาง', 'ล้านนา', 'แสนสิริ'];

/** Thai currency words, longest first so "ดอลลาร์สหรัฐ" wins over "ดอลลาร์". */
export const THAI_CURRENCY_WORDS: readonly [string, Currency][] = [
  ['ดอลลาร์สหรัฐฯ', 'USD'],
  ['ดอลลาร์สหรัฐ', 'USD'],
  ['เหรียญสหรัฐฯ', 'USD'],
  ['เหรียญสหรัฐ', 'USD'],
  ['ดอลลาร์', 'USD'],
  ['ดอลล่าร์', 'USD'],
  ['บาท', 'THB'],
  ['หยวน', 'CNY'],
  ['รูเบิล', 'RUB'],
  ['ยูโร', 'EUR'],
  ['เยน', 'JPY'],
  ['ปอนด์', 'GBP'],
  ['ริงกิต', 'MYR'],
  ['วอน', 'KRW'],
  ['ดอง', 'VND'],
  ['รูปี', 'INR'],
];

/** Unit words after a Thai number (after its magnitude), longest first. */
export const THAI_UNIT_WORDS: readonly [string, Unit][] = [
  ['กิโลเมตร', 'km'],
  ['กม.', 'km'],
  ['ไร่', 'rai'],
  ['ตัน', 'tonne'],
  ['คน', 'person'],
  ['เท่า', 'times'],
  ['ชั่วโมง', 'hour'],
  ['นาที', 'minute'],
  ['เดือน', 'month'],
  ['ปี', 'year'],
  ['วัน', 'day'],
];

/** Thai number words, for the few figures Thai writes in words ("สองวัน", "สมัยที่ห้า"). */
export const THAI_NUMBER_WORDS: Readonly<Record<string, number>> = {
  หนึ่ง: 1,
  สอง: 2,
  สาม: 3,
  สี่: 4,
  ห้า: 5,
  หก: 6,
  เจ็ด: 7,
  แปด: 8,
  เก้า: 9,
  สิบ: 10,
  สิบเอ็ด: 11,
  สิบสอง: 12,
};

/** A Buddhist-era year as a Common-Era year. */
export function fromBuddhistEra(year: number): number {
  return year - BUDDHIST_ERA_OFFSET;
}

/** Two-digit Thai years ("ก.พ. 65", "ปี 63") are short for 25xx in the Buddhist era. */
export function fromShortBuddhistYear(twoDigits: number): number {
  return fromBuddhistEra(2500 + twoDigits);
}
