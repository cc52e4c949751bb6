import type { Currency, Unit } from './types.ts';

export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Month names and their abbreviations ("Sept."), capitalised as English writes them. */
export const ENGLISH_MONTH_PATTERN =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?';

/** 1-based month of an English month name or abbreviation, or null. */
export function englishMonthNumber(name: string): number | null {
  const bare = name.replace(/\.$/, '').slice(0, 3).toLowerCase();
  const index = ENGLISH_MONTHS.findIndex((month) => month.slice(0, 3).toLowerCase() === bare);
  return index === -1 ? null : index + 1;
}

export const ENGLISH_MAGNITUDES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

/** Currency symbols and codes written before a number ("US$", "THB 5"). */
export const ENGLISH_CURRENCY_PREFIXES: readonly [string, Currency][] = [
  ['US$', 'USD'],
  ['USD', 'USD'],
  ['$', 'USD'],
  ['THB', 'THB'],
  ['฿', 'THB'],
  ['Baht', 'THB'],
  ['€', 'EUR'],
  ['EUR', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['RMB', 'CNY'],
  ['CNY', 'CNY'],
];

/** Currency words written after a number ("20 trillion Russian roubles"). */
export const ENGLISH_CURRENCY_WORDS: readonly [RegExp, Currency][] = [
  [/^(?:US )?dollars?\b|^USD\b/i, 'USD'],
  [/^baht\b|^THB\b/i, 'THB'],
  [/^(?:Chinese )?(?:yuan|renminbi)\b|^RMB\b|^CNY\b/i, 'CNY'],
  [/^(?:Russian )?(?:roubles?|rubles?)\b/i, 'RUB'],
  [/^euros?\b|^EUR\b/i, 'EUR'],
  [/^(?:Japanese )?yen\b/i, 'JPY'],
  [/^(?:British )?pounds?(?: sterling)?\b/i, 'GBP'],
  [/^ringgit\b/i, 'MYR'],
  [/^(?:South Korean )?won\b/, 'KRW'],
  [/^dong\b/i, 'VND'],
  [/^rupees?\b/i, 'INR'],
];

/** Unit words after an English number (after its magnitude). */
export const ENGLISH_UNIT_WORDS: readonly [RegExp, Unit][] = [
  [/^(?:km|kilomet(?:er|re)s?)\b/i, 'km'],
  [/^rai\b/i, 'rai'],
  [/^(?:tonnes?|tons?)\b/i, 'tonne'],
  [/^(?:people|persons?)\b/i, 'person'],
  [/^(?:times|-?fold)\b/i, 'times'],
  [/^(?:hours?|hrs?)\b/i, 'hour'],
  [/^minutes?\b/i, 'minute'],
  [/^months?\b/i, 'month'],
  [/^years?\b/i, 'year'],
  [/^days?\b/i, 'day'],
];

export const CURRENCY_NAMES: Readonly<Record<Currency, string>> = {
  THB: 'baht',
  USD: 'US dollars',
  CNY: 'yuan',
  RUB: 'roubles',
  EUR: 'euros',
  JPY: 'yen',
  GBP: 'pounds',
  MYR: 'ringgit',
  KRW: 'won',
  VND: 'dong',
  INR: 'rupees',
};

/** Small numbers English spells out ("two-day", "fifth term"); "one"/"first" are left out, they are rarely figures. */
export const ENGLISH_NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};
