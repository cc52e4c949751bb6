import {
  ENGLISH_CURRENCY_PREFIXES,
  ENGLISH_CURRENCY_WORDS,
  ENGLISH_MAGNITUDES,
  ENGLISH_MONTH_PATTERN,
  ENGLISH_NUMBER_WORDS,
  ENGLISH_UNIT_WORDS,
  englishMonthNumber,
} from './english-numbers.ts';
import { shareListWords } from './lists.ts';
import { clockMinutes, codeAt, isColonTime, NUMBER_PATTERN, readWrittenNumber } from './numbers.ts';
import { fromBuddhistEra } from './thai-numbers.ts';
import type { Currency, Figure, Reading, Unit } from './types.ts';

interface EnglishSuffix {
  multiplier: number;
  magnitudeWord: string | null;
  currency: Currency | null;
  percent: boolean;
  ordinal: boolean;
  decade: boolean;
  meridiem: 'am' | 'pm' | null;
  hoursWord: boolean;
  unit: Unit | null;
  counted: boolean;
  month: number | null;
  /** Where the magnitude/currency/percent/clock words end (the figure's span end). */
  end: number;
  /** Where a following month name ends, for spans like "16 May". */
  monthEnd: number;
}

interface EnglishPrefix {
  currency: Currency | null;
  era: 'buddhist' | 'common' | null;
  fiscalYear: boolean;
  month: number | null;
  monthStart: number;
  atWord: boolean;
  approximate: boolean;
  /** Where the figure's span starts (before "$"). */
  start: number;
}

const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s*(?:of\\s+)?(${ENGLISH_MONTH_PATTERN})(?![A-Za-z])`);
const MONTH_BEFORE = new RegExp(`(?:^|[^A-Za-z])(${ENGLISH_MONTH_PATTERN})\\s*$`);
const MONTH_ANYWHERE = new RegExp(`(?<![A-Za-z])(?:${ENGLISH_MONTH_PATTERN})(?![A-Za-z])`, 'g');
const NUMBER_SOURCE = NUMBER_PATTERN.source;
const RANGE_AFTER = new RegExp(`^\\s*(?:-|–|to)\\s*(?:US\\$|\\$)?(${NUMBER_SOURCE})`);
const RANGE_BEFORE = new RegExp(`(${NUMBER_SOURCE})(?:st|nd|rd|th)?\\s*(?:-|–|to)\\s*(?:US\\$|\\$)?$`);
const HEDGE_BEFORE =
  /\b(?:about|around|approximately|approx\.?|nearly|almost|roughly|some|over|more than|less than|up to|at least|at most|above|below|under|close to|estimated|circa|exceeding|just over|just under)\s*(?:US\$|\$|USD|THB|฿|€|£|¥)?\s*$/i;
/** Currency signs and codes right before a number, longest first ("US$" before "$"). */
const CURRENCY_BEFORE = ENGLISH_CURRENCY_PREFIXES.map(([sign, code]) => [new RegExp(`(?:^|[^A-Za-z])(${sign.replace(/[$]/g, '\\$')}\\s?)$`), code] as const);
const ALLOWED_LETTERS_AFTER = /^(?:st|nd|rd|th|s|hrs?|h|am|pm|a\.m\.|p\.m\.|bn|mn|tn|m|k|b)(?![A-Za-z])/i;

/** Words that may follow a number without saying what it counts. */
const NOT_COUNTED =
  /^(?:and|or|to|in|of|the|a|an|for|from|by|with|at|on|as|per|each|than|more|less|over|under|between|while|which|who|that|were|was|is|are|has|have|had|will|be|been|this|these|those|it|its|percent|per|B\.?E|A\.?D|C\.?E|hrs?|a\.m|p\.m|am|pm|st|nd|rd|th|s|thousand|million|billion|trillion)\b/i;

function readSuffix(text: string, end: number, hasCurrencyPrefix: boolean): EnglishSuffix {
  const suffix: EnglishSuffix = {
    multiplier: 1,
    magnitudeWord: null,
    currency: null,
    percent: false,
    ordinal: false,
    decade: false,
    meridiem: null,
    hoursWord: false,
    unit: null,
    counted: false,
    month: null,
    end,
    monthEnd: end,
  };
  let offset = end;
  const rest = () => text.slice(offset, offset + 60);

  const month = MONTH_AFTER.exec(text.slice(end, end + 40));
  if (month) {
    suffix.month = englishMonthNumber(month[1]!);
    suffix.monthEnd = end + month[0].length;
  }
  const ordinal = /^(?:st|nd|rd|th)(?![A-Za-z])/i.exec(rest());
  if (ordinal) {
    suffix.ordinal = true;
    offset += ordinal[0].length;
  }
  if (/^'?s(?![A-Za-z])/.test(rest())) suffix.decade = true;
  const meridiem = /^\s*(a\.m\.|p\.m\.|am(?![A-Za-z])|pm(?![A-Za-z]))/i.exec(rest());
  if (meridiem) {
    suffix.meridiem = meridiem[1]!.toLowerCase().startsWith('a') ? 'am' : 'pm';
    offset += meridiem[0].length;
  }
  const hours = /^\s*(?:hrs?|hours|h|o'clock)(?![A-Za-z])/i.exec(rest());
  if (hours && !meridiem) {
    suffix.hoursWord = true;
    offset += hours[0].length;
  }
  const magnitude =
    /^(?:\s+|-)?(trillion|billion|million|thousand)(?![A-Za-z])/i.exec(rest()) ??
    (hasCurrencyPrefix ? /^(bn|mn|tn|m|k|b)(?![A-Za-z])/i.exec(rest()) : /^(bn|mn|tn)(?![A-Za-z])/i.exec(rest()));
  if (magnitude) {
    const word = magnitude[1]!.toLowerCase();
    suffix.multiplier = ENGLISH_MAGNITUDES[word] ?? 1;
    suffix.magnitudeWord = word;
    offset += magnitude[0].length;
  }
  const spaced = /^\s*/.exec(rest())![0].length;
  for (const [pattern, code] of ENGLISH_CURRENCY_WORDS) {
    const word = pattern.exec(rest().slice(spaced));
    if (!word) continue;
    suffix.currency = code;
    offset += spaced + word[0].length;
    break;
  }
  const percent = /^\s*(?:%|per\s?cent(?![A-Za-z])|percent(?![A-Za-z])|percentage points?(?![A-Za-z]))/i.exec(rest());
  if (percent) {
    suffix.percent = true;
    offset += percent[0].length;
  }
  if (!suffix.currency && !suffix.percent && !suffix.hoursWord) {
    const word = rest().replace(/^[\s-]+/, '');
    suffix.unit = ENGLISH_UNIT_WORDS.find(([pattern]) => pattern.test(word))?.[1] ?? null;
    suffix.counted =
      suffix.unit === null && suffix.month === null && !suffix.ordinal && suffix.meridiem === null && /^[A-Za-z]/.test(word) && !NOT_COUNTED.test(word);
  }
  suffix.end = offset;
  return suffix;
}

function readPrefix(text: string, start: number): EnglishPrefix {
  const before = text.slice(Math.max(0, start - 40), start);
  const prefix: EnglishPrefix = {
    currency: null,
    era: null,
    fiscalYear: /\bFY\s*$/.test(before),
    month: null,
    monthStart: start,
    atWord: /\bat\s*(?:approx(?:imately|\.)?\s*)?$/i.test(before),
    approximate: HEDGE_BEFORE.test(before),
    start,
  };
  for (const [pattern, code] of CURRENCY_BEFORE) {
    const match = pattern.exec(before);
    if (match) {
      prefix.currency = code;
      prefix.start = start - match[1]!.length;
      break;
    }
  }
  if (/B\.\s?E\.?\s*$/.test(before)) prefix.era = 'buddhist';
  if (/(?:C\.\s?E\.?|A\.\s?D\.?)\s*$/.test(before)) prefix.era = 'common';
  const month = MONTH_BEFORE.exec(before);
  if (month) {
    prefix.month = englishMonthNumber(month[1]!);
    prefix.monthStart = start - (before.length - before.lastIndexOf(month[1]!));
  }
  return prefix;
}

function isBareSuffix(suffix: EnglishSuffix): boolean {
  return suffix.magnitudeWord === null && suffix.currency === null && !suffix.percent && suffix.month === null && suffix.meridiem === null && !suffix.hoursWord;
}

/** Digits that are part of a name ("COVID-19", "G20", "PM2.5", "5G") or of "24/7" are not figures. */
function isPartOfName(text: string, start: number, end: number): boolean {
  const previous = text[start - 1] ?? '';
  const next = text.slice(end);
  // "USD4,120.5", "THB5bn", "FY2025" are figures glued to their code, not names.
  if (/[A-Za-z]/.test(previous) && !/(?:^|[^A-Za-z])(?:FY|USD|US\$|THB|EUR|RMB|CNY)$/.test(text.slice(0, start))) return true;
  // Fine dust is named by its size: "PM 2.5", "PM 10".
  if (/\bPM\s$/.test(text.slice(Math.max(0, start - 4), start))) return true;
  if (previous === '-' && /(?:^|[^A-Za-z\d])[A-Z][A-Za-z\d]*-$/.test(text.slice(Math.max(0, start - 12), start))) return true;
  if (previous === '.' && /\d/.test(text[start - 2] ?? '')) return true;
  if (/^[A-Za-z]/.test(next) && !ALLOWED_LETTERS_AFTER.test(next)) return true;
  const slashNeighbour = /^\/(\d+)/.exec(next) ?? /(\d+)\/$/.exec(text.slice(Math.max(0, start - 6), start));
  const token = text.slice(start, end);
  if (slashNeighbour && token.length !== 4 && slashNeighbour[1]!.length !== 4) return true;
  return false;
}

function readEnglishNumber(text: string, token: string, start: number, end: number): Figure | null {
  if (isColonTime(token)) {
    const minutes = clockMinutes(token);
    if (minutes === null) return null;
    // Without "hrs" or a.m./p.m., "3:00" may be the afternoon.
    const marker = /^\s*(a\.m\.|p\.m\.|am(?![A-Za-z])|pm(?![A-Za-z])|hrs?(?![A-Za-z])|hours)/i.exec(text.slice(end, end + 8));
    const meridiem = marker?.[1]!.toLowerCase().startsWith('p') ? 12 * 60 : 0;
    const spanEnd = end + (marker?.[0].length ?? 0);
    const readings: Reading[] = [
      {
        type: 'time',
        minutes: (marker && /^[ap]/i.test(marker[1]!) ? minutes % (12 * 60) : minutes) + meridiem,
        twelveHourClock: !marker && minutes < 13 * 60,
      },
    ];
    return { kind: 'time', span: { text: text.slice(start, spanEnd), start, end: spanEnd }, readings, approximate: false };
  }
  const written = readWrittenNumber(token);
  let prefix = readPrefix(text, start);
  let suffix = readSuffix(text, end, prefix.currency !== null);
  if (suffix.decade) return null;
  const rangeAfter = RANGE_AFTER.exec(text.slice(end, end + 30));
  if (rangeAfter && isBareSuffix(suffix)) {
    const secondEnd = end + rangeAfter[0].length;
    const borrowed = readSuffix(text, secondEnd, prefix.currency !== null);
    suffix = { ...borrowed, end: suffix.end, monthEnd: suffix.end, ordinal: suffix.ordinal, decade: false };
  }
  const rangeBefore = RANGE_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
  if (rangeBefore && prefix.currency === null && prefix.month === null && !prefix.atWord) {
    const borrowed = readPrefix(text, start - rangeBefore[0].length);
    prefix = { ...borrowed, start: prefix.start, monthStart: start };
  }

  const readings: Reading[] = [];
  const approximate = prefix.approximate;
  const currency = prefix.currency ?? suffix.currency;
  const isInteger = written.decimals === 0 && !written.hasThousandsSeparator;
  const plain = isInteger && suffix.magnitudeWord === null && currency === null && !suffix.percent;
  let kind: Figure['kind'] = suffix.percent ? 'percent' : currency ? 'money' : 'number';
  let spanStart = prefix.start;
  let spanEnd = Math.max(end, suffix.end);

  const clock = clockMinutes(token);
  const militaryClock = /^\d{3,4}$/.test(token) && suffix.hoursWord ? clockMinutes(token.replace(/(\d{2})$/, '.$1')) : null;
  if (militaryClock !== null) {
    return {
      kind: 'time',
      span: { text: text.slice(start, spanEnd), start, end: spanEnd },
      readings: [{ type: 'time', minutes: militaryClock, twelveHourClock: false }],
      approximate,
    };
  }
  if (suffix.meridiem && (clock !== null || (isInteger && written.value >= 1 && written.value <= 12))) {
    const base = clock ?? written.value * 60;
    const minutes = (base % (12 * 60)) + (suffix.meridiem === 'pm' ? 12 * 60 : 0);
    return {
      kind: 'time',
      span: { text: text.slice(start, spanEnd), start, end: spanEnd },
      readings: [{ type: 'time', minutes, twelveHourClock: false }],
      approximate,
    };
  }

  readings.push({
    type: 'quantity',
    value: written.value * suffix.multiplier,
    precision: written.precision * suffix.multiplier,
    currency,
    percent: suffix.percent,
    magnitudeWord: suffix.magnitudeWord,
    ...(suffix.unit ? { unit: suffix.unit } : {}),
    ...(suffix.counted && !currency ? { counted: true } : {}),
    ...(suffix.ordinal ? { ordinal: true } : {}),
  });
  if (clock !== null && suffix.magnitudeWord === null && currency === null && !suffix.percent) {
    readings.push({ type: 'time', minutes: clock, twelveHourClock: !suffix.hoursWord && clock < 13 * 60 });
    if (suffix.hoursWord || prefix.atWord || token.includes(':')) kind = 'time';
  }
  let surelyYear = false;
  if (plain && token.length === 4) {
    const year = written.value;
    // English years are Gregorian: a Thai year left in its Buddhist-era digits ("in 2568") is wrong unless marked "B.E.".
    const era = prefix.era ?? (/^\s*B\.\s?E\.?/.test(text.slice(end, end + 6)) ? 'buddhist' : null);
    if (era === 'buddhist') readings.push({ type: 'year', value: fromBuddhistEra(year), buddhistEra: true });
    else if (year >= 1000 && year <= 2700) readings.push({ type: 'year', value: year, buddhistEra: false });
    const yearWordBefore = /\b(?:in|since|by|from|until|till|of|year|during|before|after)\s+$/i.test(text.slice(Math.max(0, start - 8), start));
    if (era !== null || prefix.fiscalYear || yearWordBefore || (year >= 1800 && year <= 2200) || (year >= 2400 && year <= 2700)) kind = 'year';
    // Surely a year (not "2000 participants", "1460 MHz"): it must match as a year, not as the same digits counted.
    const yearContext =
      era !== null || prefix.fiscalYear || yearWordBefore || prefix.month !== null || /^,?\s*(?:and|to|-|–)\s*\d{4}\b/.test(text.slice(end, end + 8));
    surelyYear = (year >= 2400 && year <= 2700) || (yearContext && year >= 1800 && year <= 2200);
  }
  if (plain && token.length === 2 && /\d{4}\/$/.test(text.slice(Math.max(0, start - 5), start))) {
    const century = Number(text.slice(start - 5, start - 3));
    const fullYear = century * 100 + written.value;
    readings.push({ type: 'year', value: fullYear >= 2400 ? fromBuddhistEra(fullYear) : fullYear, buddhistEra: fullYear >= 2400 });
    kind = 'year';
  }
  const dayMonth = suffix.month ?? prefix.month;
  if (isInteger && token.length <= 2 && written.value >= 1 && written.value <= 31 && dayMonth !== null) {
    readings.push({ type: 'day', day: written.value, month: dayMonth });
    kind = 'date';
    if (suffix.month !== null) spanEnd = Math.max(spanEnd, suffix.monthEnd);
    else spanStart = Math.min(spanStart, prefix.monthStart);
  } else if (suffix.ordinal && written.value <= 31) {
    readings.push({ type: 'day', day: written.value, month: null });
  }
  // A date or a clock time must match as one: "16 June" is not backed by a stray 16 in the Thai.
  const kept = kind === 'date' || kind === 'time' || surelyYear ? readings.filter((reading) => reading.type !== 'quantity') : readings;
  return { kind, span: { text: text.slice(spanStart, spanEnd), start: spanStart, end: spanEnd }, readings: kept, approximate };
}

function numberFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  const pattern = new RegExp(NUMBER_SOURCE, 'g');
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    const token = match[0];
    const start = match.index;
    const end = start + token.length;
    const code = codeAt(text, start);
    if (code) {
      figures.push(code);
      pattern.lastIndex = code.span.end;
      continue;
    }
    const numericDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(text.slice(start));
    if (numericDate) {
      const rawYear = Number(numericDate[3]);
      const yearStart = start + numericDate[0].length - 4;
      figures.push({
        kind: 'date',
        span: { text: text.slice(start, yearStart - 1), start, end: yearStart - 1 },
        readings: [{ type: 'day', day: Number(numericDate[1]), month: Number(numericDate[2]) }],
        approximate: false,
      });
      figures.push({
        kind: 'year',
        span: { text: numericDate[3]!, start: yearStart, end: yearStart + 4 },
        readings: [{ type: 'year', value: rawYear >= 2400 ? fromBuddhistEra(rawYear) : rawYear, buddhistEra: rawYear >= 2400 }],
        approximate: false,
      });
      pattern.lastIndex = start + numericDate[0].length;
      continue;
    }
    if (isPartOfName(text, start, end)) continue;
    const figure = readEnglishNumber(text, token, start, end);
    if (figure) figures.push(figure);
  }
  return figures;
}

const CARDINAL_WORDS = Object.keys(ENGLISH_NUMBER_WORDS).filter((word) => !/(?:st|nd|rd|th)$/.test(word) && word !== 'second');
const ORDINAL_WORDS = Object.keys(ENGLISH_NUMBER_WORDS).filter((word) => !CARDINAL_WORDS.includes(word) && word !== 'second');
/** "two", "twelve", "fifth": figures like digits. "One", "first" and "second" are left out: they are rarely figures. */
const WORD_NUMBER_PATTERN = new RegExp(
  `\\b(?:${[...CARDINAL_WORDS, ...ORDINAL_WORDS].join('|')})\\b(?![-\\s]+(?:thousand|million|billion|trillion|per\\s?cent|percent)\\b)`,
  'gi',
);

/** Spelled-out numbers ("two-day", "three ministries", "fifth term"): checked like digits. */
function numberWordFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const match of text.matchAll(WORD_NUMBER_PATTERN)) {
    const word = match[0];
    // "the two countries", "the two leaders": English for ทั้งสองฝ่าย or for two parties the Thai names.
    if (/^two$/i.test(word) && /\b(?:the|these|those|both)\s+$/i.test(text.slice(Math.max(0, match.index - 7), match.index))) continue;
    const value = ENGLISH_NUMBER_WORDS[word.toLowerCase()]!;
    const ordinal = ORDINAL_WORDS.includes(word.toLowerCase());
    figures.push({
      kind: 'number',
      span: { text: word, start: match.index, end: match.index + word.length },
      readings: [{ type: 'quantity', value, precision: 1, currency: null, percent: false, magnitudeWord: null, ...(ordinal ? { ordinal } : {}) }],
      approximate: false,
    });
  }
  return figures;
}

const SPELLED_AMOUNT = /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(thousand|million|billion|trillion|per\s?cent|percent)\b/gi;
const SMALL_CARDINALS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, ...ENGLISH_NUMBER_WORDS };

/** Amounts spelled out with a magnitude or as a percentage ("one million square metres", "five percent"). */
function spelledAmountFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const match of text.matchAll(SPELLED_AMOUNT)) {
    const count = SMALL_CARDINALS[match[1]!.toLowerCase()];
    const unit = match[2]!.toLowerCase();
    const percent = unit.startsWith('per');
    const magnitude = percent ? 1 : ENGLISH_MAGNITUDES[unit];
    if (count === undefined || magnitude === undefined || (percent && count === 1 && unit !== 'percent')) continue;
    figures.push({
      kind: percent ? 'percent' : 'number',
      span: { text: match[0], start: match.index, end: match.index + match[0].length },
      readings: [{ type: 'quantity', value: count * magnitude, precision: magnitude, currency: null, percent, magnitudeWord: percent ? null : unit }],
      approximate: /^an?$/i.test(match[1]!),
    });
  }
  return figures;
}

/** Month names not already part of a date figure. Ambiguous ones ("May", "Jan") need a number or a time word nearby. */
function monthFigures(text: string, covered: Figure[]): Figure[] {
  const figures: Figure[] = [];
  for (const match of text.matchAll(MONTH_ANYWHERE)) {
    const name = match[0];
    const start = match.index;
    const end = start + name.length;
    if (covered.some((figure) => figure.span.start <= start && end <= figure.span.end)) continue;
    const before = text.slice(Math.max(0, start - 20), start);
    const after = text.slice(end, end + 6);
    const nextToNumber = /^\.?,?\s*\d/.test(after) || /\d\s*$/.test(before);
    const fullName = /^[A-Z][a-z]{4,}$/.test(name) || name === 'June' || name === 'July';
    const timeWord = /\b(?:in|of|since|until|till|by|from|early|late|mid|end of|last|next|this|during|through|before|after|between|and|to)\s*-?$/i.test(before);
    if (!(fullName || nextToNumber || (name === 'May' && timeWord))) continue;
    const month = englishMonthNumber(name);
    if (month === null) continue;
    figures.push({ kind: 'month', span: { text: name, start, end }, readings: [{ type: 'month', value: month }], approximate: false });
  }
  return figures;
}

/** Every figure in an English text: numbers with magnitudes and currencies, percentages, years, dates, months, times. */
const ENGLISH_LIST = { separator: /^(?:\s|,|and\b|or\b)*$/, multiplier: (word: string) => ENGLISH_MAGNITUDES[word.toLowerCase()] ?? 1 };

export function extractEnglishFigures(text: string): Figure[] {
  const numbers = shareListWords(numberFigures(text), text, ENGLISH_LIST);
  const dates = numbers.filter((figure) => figure.kind === 'date');
  return [...numbers, ...numberWordFigures(text), ...spelledAmountFigures(text), ...monthFigures(text, dates)].sort((a, b) => a.span.start - b.span.start);
}
