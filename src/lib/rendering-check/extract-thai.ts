import { shareListWords } from './lists.ts';
import { clockMinutes, isColonTime, NUMBER_PATTERN, readWrittenNumber } from './numbers.ts';
import {
  fromBuddhistEra,
  fromShortBuddhistYear,
  NOT_MAGNITUDES,
  normalizeThaiDigits,
  THAI_CURRENCY_WORDS,
  THAI_MAGNITUDES,
  THAI_MONTH_PATTERN,
  THAI_NUMBER_WORDS,
  THAI_UNIT_WORDS,
  thaiMonthNumber,
} from './thai-numbers.ts';
import type { Currency, Figure, Reading, Unit } from './types.ts';

/** What follows a number: magnitude words, a currency, a percent sign, a month, a clock marker. */
interface ThaiSuffix {
  multiplier: number;
  magnitudeWord: string | null;
  currency: Currency | null;
  percent: boolean;
  month: number | null;
  clock: boolean;
  approximate: boolean;
  unit: Unit | null;
  counted: boolean;
  /** Offset just after the magnitude/currency/percent words, where the figure's span ends. */
  end: number;
}

/** What comes before a number: "ร้อยละ", a currency sign, an era, "วันที่", "เวลา", a hedge word. */
interface ThaiPrefix {
  percent: boolean;
  currency: Currency | null;
  era: 'buddhist' | 'common' | null;
  yearWord: boolean;
  afterMonth: boolean;
  dayWord: boolean;
  clockWord: boolean;
  approximate: boolean;
  /** "อันดับที่ 3", "ครั้งที่ 8", "กองทัพภาคที่ 3": the nth, not an amount. */
  ordinal: boolean;
  /** Offset where the figure's span starts (before "ร้อยละ" or "$"). */
  start: number;
}

const MAGNITUDE_WORDS = /^\s*((?:พัน|หมื่น|แสน|ล้าน)+)/u;
const MONTH_AFTER = new RegExp(`^\\s*(${THAI_MONTH_PATTERN})`, 'u');
const MONTH_BEFORE = new RegExp(`(?:${THAI_MONTH_PATTERN})\\s*$`, 'u');
const THAI_MONTH_ANYWHERE = new RegExp(THAI_MONTH_PATTERN, 'gu');
const RANGE_AFTER = /^\s*(?:-|–|ถึง)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/u;
const RANGE_BEFORE = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:-|–|ถึง)\s*$/u;
const HEDGE_BEFORE = /(?:ประมาณ|ราว\s*ๆ|ราว|เกือบ|กว่า|ร่วม|เฉียด|ไม่ต่ำกว่า|มากกว่า|ไม่เกิน|น้อยกว่า|อย่างน้อย|เฉลี่ย|คิดเป็น\s*ประมาณ)\s*$/u;
const HEDGE_AFTER = /^\s*(?:กว่า|เศษ)/u;

/** Signs and codes Thai text sometimes puts before an amount. */
const CURRENCY_SIGNS: Readonly<Record<string, Currency>> = { US$: 'USD', $: 'USD', USD: 'USD', THB: 'THB', '฿': 'THB', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

function readSuffix(text: string, end: number): ThaiSuffix {
  const suffix: ThaiSuffix = {
    multiplier: 1,
    magnitudeWord: null,
    currency: null,
    percent: false,
    month: null,
    clock: false,
    approximate: false,
    unit: null,
    counted: false,
    end,
  };
  let rest = text.slice(end, end + 60);
  // "ลบ." is ล้านบาท, million baht.
  const millionBaht = /^\s*ลบ\./u.exec(rest);
  if (millionBaht) return { ...suffix, multiplier: 1e6, magnitudeWord: 'ล้าน', currency: 'THB', end: end + millionBaht[0].length };
  if (HEDGE_AFTER.test(rest)) suffix.approximate = true;
  const magnitude = MAGNITUDE_WORDS.exec(rest);
  const wordAfterMagnitude = magnitude ? rest.slice(magnitude[0].length - magnitude[1]!.length) : '';
  if (magnitude && !NOT_MAGNITUDES.some((word) => wordAfterMagnitude.startsWith(word))) {
    const words = magnitude[1]!.match(/พัน|หมื่น|แสน|ล้าน/gu) ?? [];
    suffix.multiplier = words.reduce((product, word) => product * (THAI_MAGNITUDES[word] ?? 1), 1);
    suffix.magnitudeWord = magnitude[1]!;
    suffix.end += magnitude[0].length;
    rest = rest.slice(magnitude[0].length);
    if (HEDGE_AFTER.test(rest)) suffix.approximate = true;
  }
  const spaced = /^\s*/u.exec(rest)![0].length;
  const afterSpace = rest.slice(spaced);
  const currencyWord = THAI_CURRENCY_WORDS.find(([word]) => afterSpace.startsWith(word));
  const currencyCode = /^(?:USD|US\$|THB)/.exec(afterSpace);
  if (currencyWord) {
    suffix.currency = currencyWord[1];
    suffix.end += spaced + currencyWord[0].length;
  } else if (currencyCode) {
    suffix.currency = currencyCode[0] === 'THB' ? 'THB' : 'USD';
    suffix.end += spaced + currencyCode[0].length;
  }
  const percent = /^\s*(?:%|เปอร์เซ็นต์|เปอร์เซนต์|percent)/u.exec(rest);
  if (percent) {
    suffix.percent = true;
    if (suffix.currency === null) suffix.end += percent[0].length;
  }
  const unit = suffix.currency || suffix.percent ? undefined : THAI_UNIT_WORDS.find(([word]) => afterSpace.startsWith(word));
  // "ปีที่", "วันที่" count or date something else ("75 ปีที่ผ่านมา" is still 75 years, but "5 วันที่ 3" is not days).
  if (unit && !/^ที่\s*\d/u.test(afterSpace.slice(unit[0].length))) suffix.unit = unit[1];
  suffix.counted = !suffix.currency && !suffix.percent && !unit && suffix.month === null && !suffix.clock && isCountedNoun(afterSpace);
  const month = MONTH_AFTER.exec(rest);
  if (month) suffix.month = thaiMonthNumber(month[1]!);
  if (/^\s*(?:น\.|นาฬิกา)/u.test(rest)) suffix.clock = true;
  return suffix;
}

/** Words that may follow a number without saying what it counts. */
const NOT_COUNTED = /^(?:และ|หรือ|ถึง|จาก|ใน|ของ|โดย|ซึ่ง|ที่|เป็น|กว่า|เศษ|ต่อ|มี|แล้ว|ก็|ได้|จะ|คือ|ให้|นี้|นั้น|ตาม|เพื่อ|กับ|แต่|เมื่อ|หาก|ทั้ง|ณ|ครั้ง|ลำดับ|ปี|น\.|นาฬิกา|พ\.ศ|ค\.ศ)/u;

/** A Thai noun (a classifier such as ร้านค้า, สาขา, ราย) right after the number says what is counted. */
function isCountedNoun(after: string): boolean {
  return /^[\u0e01-\u0e2e\u0e40-\u0e44]/u.test(after) && !NOT_COUNTED.test(after);
}

function readPrefix(text: string, start: number): ThaiPrefix {
  const before = text.slice(Math.max(0, start - 40), start);
  const prefix: ThaiPrefix = {
    percent: false,
    currency: null,
    era: null,
    yearWord: false,
    afterMonth: MONTH_BEFORE.test(before),
    dayWord: /วัน\S{0,10}ที่\s*$/u.test(before),
    clockWord: /เวลา\s*(?:ประมาณ\s*)?$/u.test(before),
    approximate: HEDGE_BEFORE.test(before),
    // Numbered divisions too (the 3rd region, zone, village, section, quarter, level, instalment).
    ordinal: /(?:อันดับ|ลำดับ|ครั้ง|ฉบับ|สมัย|รุ่น|ข้อ|คน|แห่ง|ชั้น|ระยะ|ประการ|รอบ|ปี|ภาค|เขต|หมู่|มาตรา|ไตรมาส|ระดับ|ขั้น|งวด)ที่\s*$/u.test(before),
    start,
  };
  const percent = /ร้อยละ\s*$/u.exec(before);
  if (percent) {
    prefix.percent = true;
    prefix.start = start - percent[0].length;
  }
  const currency = /(?:US\$|\$|USD|THB|฿|€|£|¥)\s*$/u.exec(before);
  if (currency) {
    prefix.currency = CURRENCY_SIGNS[currency[0].trim()] ?? null;
    prefix.start = start - currency[0].length;
  }
  if (/(?:พ\.ศ\.?|พุทธศักราช)\s*$/u.test(before)) prefix.era = 'buddhist';
  if (/(?:ค\.ศ\.?|คริสต์ศักราช)\s*$/u.test(before)) prefix.era = 'common';
  // "ปี 63" is a year, but in "75 ปี 23 เมษายน" the ปี counts the 75.
  prefix.yearWord = /(?:ปี|ปีงบประมาณ|ปีงบ|ปีการศึกษา|พ\.ศ\.?|ค\.ศ\.?)\s*$/u.test(before) && !/\d\s*ปี\s*$/u.test(before);
  return prefix;
}

/** A suffix with nothing in it: the first number of a range borrows the second's ("5-10 ล้านบาท"). */
function isBareSuffix(suffix: ThaiSuffix): boolean {
  return suffix.magnitudeWord === null && suffix.currency === null && !suffix.percent && suffix.month === null && !suffix.clock;
}

function isBarePrefix(prefix: ThaiPrefix): boolean {
  return !prefix.percent && prefix.currency === null && !prefix.dayWord && !prefix.clockWord;
}

function numberFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  const pattern = new RegExp(NUMBER_PATTERN.source, 'g');
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    const token = match[0];
    const start = match.index;
    const end = start + token.length;
    const previous = text[start - 1] ?? '';
    const next = text[end] ?? '';
    // Digits glued to Latin letters belong to a name ("COVID-19", "PM2.5", "5G"); the name check covers them.
    const beforePrevious = text[start - 2] ?? '';
    if (
      /[A-Za-z]/.test(previous) ||
      /[A-Za-z]/.test(next) ||
      (/[-.]/.test(previous) && /[A-Za-z]/.test(beforePrevious)) ||
      (previous === '.' && /\d/.test(beforePrevious))
    ) {
      continue;
    }
    const code = /^\d+(?:-\d+){2,}/.exec(text.slice(start));
    if (code) {
      figures.push({
        kind: 'number',
        span: { text: code[0], start, end: start + code[0].length },
        readings: [{ type: 'code', text: code[0] }],
        approximate: false,
      });
      pattern.lastIndex = start + code[0].length;
      continue;
    }
    const numericDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/.exec(text.slice(start));
    if (numericDate) {
      const day = Number(numericDate[1]);
      const month = Number(numericDate[2]);
      const rawYear = Number(numericDate[3]);
      const year = rawYear < 100 ? fromShortBuddhistYear(rawYear) : rawYear >= 2400 ? fromBuddhistEra(rawYear) : rawYear;
      const yearStart = start + numericDate[0].length - numericDate[3]!.length;
      figures.push({
        kind: 'date',
        span: { text: numericDate[0], start, end: yearStart - 1 },
        readings: [
          { type: 'day', day, month },
          { type: 'month', value: month },
        ],
        approximate: false,
      });
      figures.push({
        kind: 'year',
        span: { text: numericDate[3]!, start: yearStart, end: start + numericDate[0].length },
        readings: [{ type: 'year', value: year, buddhistEra: rawYear >= 2400 }],
        approximate: false,
      });
      pattern.lastIndex = start + numericDate[0].length;
      continue;
    }
    figures.push(readThaiNumber(text, token, start, end));
  }
  return figures;
}

function readThaiNumber(text: string, token: string, start: number, end: number): Figure {
  if (isColonTime(token)) {
    const minutes = clockMinutes(token);
    const readings: Reading[] = minutes === null ? [] : [{ type: 'time', minutes, twelveHourClock: false }];
    return { kind: 'time', span: { text: token, start, end }, readings, approximate: false };
  }
  const written = readWrittenNumber(token);
  let suffix = readSuffix(text, end);
  let prefix = readPrefix(text, start);
  const rangeAfter = RANGE_AFTER.exec(text.slice(end, end + 30));
  if (rangeAfter && isBareSuffix(suffix)) {
    const secondEnd = end + rangeAfter[0].length;
    const borrowed = readSuffix(text, secondEnd);
    suffix = { ...borrowed, end: suffix.end, approximate: suffix.approximate || borrowed.approximate };
  }
  const rangeBefore = RANGE_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
  if (rangeBefore && isBarePrefix(prefix)) {
    const firstStart = start - rangeBefore[0].length;
    prefix = { ...readPrefix(text, firstStart), start: prefix.start };
  }

  // "3) สนับสนุน…": a list item's number (a closing parenthesis with no opening one) is its rank, not a count.
  const enumerator = /^\)/.test(text.slice(end)) && !/\(\s*$/.test(text.slice(Math.max(0, start - 2), start));
  const ordinal = prefix.ordinal || enumerator;

  const readings: Reading[] = [];
  const spanEnd = Math.max(end, suffix.end);
  const span = { text: text.slice(prefix.start, spanEnd), start: prefix.start, end: spanEnd };
  const approximate = prefix.approximate || suffix.approximate;
  const isInteger = written.decimals === 0 && !written.hasThousandsSeparator;
  const plain = isInteger && suffix.magnitudeWord === null && suffix.currency === null && prefix.currency === null && !suffix.percent && !prefix.percent;
  const percent = suffix.percent || prefix.percent;
  const currency = suffix.currency ?? prefix.currency;

  readings.push({
    type: 'quantity',
    value: written.value * suffix.multiplier,
    precision: written.precision * suffix.multiplier,
    currency,
    percent,
    magnitudeWord: suffix.magnitudeWord,
    ...(suffix.unit ? { unit: suffix.unit } : {}),
    ...(suffix.counted && !currency && !ordinal ? { counted: true } : {}),
    ...(ordinal ? { ordinal: true } : {}),
  });
  let kind: Figure['kind'] = percent ? 'percent' : currency ? 'money' : 'number';

  const minutes = clockMinutes(token);
  if (minutes !== null && suffix.magnitudeWord === null && !percent && !currency) {
    readings.push({ type: 'time', minutes, twelveHourClock: false });
    if (suffix.clock || prefix.clockWord || token.includes(':')) kind = 'time';
  }

  if (plain && token.length === 4) {
    const year = written.value;
    const buddhist = prefix.era === 'buddhist' || (prefix.era === null && year >= 2400 && year <= 2700);
    const common = prefix.era === 'common' || (prefix.era === null && year >= 1800 && year <= 2200);
    if (buddhist) readings.push({ type: 'year', value: fromBuddhistEra(year), buddhistEra: true });
    if (common) readings.push({ type: 'year', value: year, buddhistEra: false });
    if (buddhist || common) kind = 'year';
  }
  if (plain && token.length === 2 && (prefix.afterMonth || prefix.yearWord || /\d{4}\/$/.test(text.slice(0, start)))) {
    readings.push({ type: 'year', value: fromShortBuddhistYear(written.value), buddhistEra: true });
    kind = 'year';
  }
  if (plain && written.value >= 1 && written.value <= 31 && (suffix.month !== null || prefix.dayWord)) {
    readings.push({ type: 'day', day: written.value, month: suffix.month });
    kind = 'date';
  }
  return { kind, span, readings, approximate };
}

function monthFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const match of text.matchAll(THAI_MONTH_ANYWHERE)) {
    const month = thaiMonthNumber(match[0]);
    if (month === null) continue;
    const start = match.index;
    figures.push({
      kind: 'month',
      span: { text: match[0], start, end: start + match[0].length },
      readings: [{ type: 'month', value: month }],
      approximate: false,
    });
  }
  return figures;
}

const THAI_WORDS = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Numbers Thai spells out ("สองวัน", "ทั้งสามฝ่าย", "สมัยที่ห้า"), found as whole words by the ICU word
 * segmenter, so "สาม" in "สามารถ" (can) is not a three.
 */
function numberWordFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const segment of THAI_WORDS.segment(text)) {
    const value = THAI_NUMBER_WORDS[segment.segment];
    if (value === undefined) continue;
    const end = segment.index + segment.segment.length;
    // "ประการที่สาม", "ครั้งที่ห้า" are the nth; "หกสถาบัน" counts six of something.
    const ordinal = /ที่\s*$/u.test(text.slice(Math.max(0, segment.index - 4), segment.index));
    const counted = !ordinal && isCountedNoun(text.slice(end).replace(/^\s/u, ''));
    figures.push({
      kind: 'number',
      span: { text: segment.segment, start: segment.index, end },
      readings: [
        {
          type: 'quantity',
          value,
          precision: 1,
          currency: null,
          percent: false,
          magnitudeWord: null,
          ...(counted ? { counted } : {}),
          ...(ordinal ? { ordinal } : {}),
        },
      ],
      approximate: false,
    });
  }
  return figures;
}

const THAI_LIST = {
  separator: /^(?:\s|,|และ|หรือ)*$/u,
  multiplier: (word: string) => (word.match(/พัน|หมื่น|แสน|ล้าน/gu) ?? []).reduce((product, part) => product * (THAI_MAGNITUDES[part] ?? 1), 1),
};

/** Every figure in a Thai text: numbers with magnitudes and units, years, dates, months, times. */
export function extractThaiFigures(rawText: string): Figure[] {
  const text = normalizeThaiDigits(rawText);
  const all = [...shareListWords(numberFigures(text), text, THAI_LIST), ...monthFigures(text), ...numberWordFigures(text)];
  // Spans keep the caller's text (Thai digits included); only matching used the normalised copy.
  return all
    .map((figure) => ({ ...figure, span: { ...figure.span, text: rawText.slice(figure.span.start, figure.span.end) } }))
    .sort((a, b) => a.span.start - b.span.start);
}
