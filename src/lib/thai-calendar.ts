import { toCommonEraYear } from './dates.ts';

/** Thai month names, full and abbreviated, in calendar order (index 0 = January). */
export const THAI_MONTHS = [
  { full: 'มกราคม', short: 'ม.ค.' },
  { full: 'กุมภาพันธ์', short: 'ก.พ.' },
  { full: 'มีนาคม', short: 'มี.ค.' },
  { full: 'เมษายน', short: 'เม.ย.' },
  { full: 'พฤษภาคม', short: 'พ.ค.' },
  { full: 'มิถุนายน', short: 'มิ.ย.' },
  { full: 'กรกฎาคม', short: 'ก.ค.' },
  { full: 'สิงหาคม', short: 'ส.ค.' },
  { full: 'กันยายน', short: 'ก.ย.' },
  { full: 'ตุลาคม', short: 'ต.ค.' },
  { full: 'พฤศจิกายน', short: 'พ.ย.' },
  { full: 'ธันวาคม', short: 'ธ.ค.' },
] as const;

/** 1-based month number of a Thai month name or abbreviation, or null. */
export function thaiMonthNumber(name: string): number | null {
  const i = THAI_MONTHS.findIndex((m) => m.full === name || m.short === name || m.short.replaceAll('.', '') === name.replaceAll('.', ''));
  return i === -1 ? null : i + 1;
}

const monthAlternation = THAI_MONTHS.flatMap((m) => [m.full, m.short.replaceAll('.', '\\.')]).join('|');

/**
 * A Thai calendar date in text: "วันพุธที่ 5 มีนาคม 2568", "5 มี.ค. 2568", "20 มีนาคม พ.ศ. 2567".
 * Years of 2400 and more are Buddhist era; smaller four-digit years are taken as Common Era.
 */
const THAI_DATE = new RegExp(`(\\d{1,2})\\s*(${monthAlternation})\\s*(?:พ\\.ศ\\.\\s*)?(\\d{4})`, 'u');

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function findThaiDate(text: string): CalendarDate | null {
  const match = THAI_DATE.exec(text);
  if (!match) return null;
  const day = Number(match[1]);
  const month = thaiMonthNumber(match[2]!);
  const rawYear = Number(match[3]);
  const year = rawYear >= 2400 ? toCommonEraYear(rawYear) : rawYear;
  if (!month || day < 1 || day > 31) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return null;
  return { year, month, day };
}

/** "2025-03-05T00:00:00+07:00": the start of that day in Bangkok. */
export function bangkokMidnightIso(date: CalendarDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}T00:00:00+07:00`;
}
