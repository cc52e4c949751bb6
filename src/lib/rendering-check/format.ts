import { CURRENCY_NAMES, ENGLISH_MONTHS } from './english-numbers.ts';
import { tidy } from './numbers.ts';
import { BUDDHIST_ERA_OFFSET } from './thai-numbers.ts';
import type { Figure, QuantityReading, Reading } from './types.ts';

const MAGNITUDE_NAMES: readonly [string, number][] = [
  ['trillion', 1e12],
  ['billion', 1e9],
  ['million', 1e6],
  ['thousand', 1e3],
];

/** Abbreviations the English may use, mapped to the word the expected value is said with. */
const MAGNITUDE_WORD_NAMES: Readonly<Record<string, string>> = {
  k: 'thousand',
  thousand: 'thousand',
  m: 'million',
  mn: 'million',
  million: 'million',
  b: 'billion',
  bn: 'billion',
  billion: 'billion',
  tn: 'trillion',
  trillion: 'trillion',
};

function plainNumber(value: number): string {
  return tidy(value).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** A Thai amount said the way the English said its own: in the English magnitude if it used one ("227.8 billion"). */
export function formatQuantity(value: number, englishMagnitudeWord: string | null): string {
  const wordName = englishMagnitudeWord ? MAGNITUDE_WORD_NAMES[englishMagnitudeWord] : undefined;
  const named = MAGNITUDE_NAMES.find(([name]) => name === wordName);
  if (named) return `${plainNumber(value / named[1])} ${named[0]}`;
  if (Math.abs(value) >= 1e6) {
    const [name, size] = MAGNITUDE_NAMES.find(([, magnitude]) => Math.abs(value) >= magnitude)!;
    return `${plainNumber(value / size)} ${name}`;
  }
  return plainNumber(value);
}

function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function monthName(month: number): string {
  return ENGLISH_MONTHS[month - 1] ?? String(month);
}

function readingOf<T extends Reading['type']>(figure: Figure, type: T): Extract<Reading, { type: T }> | null {
  for (const reading of figure.readings) if (reading.type === type) return reading as Extract<Reading, { type: T }>;
  return null;
}

const KIND_WORDS: Readonly<Record<Figure['kind'], string>> = {
  number: 'number',
  percent: 'percentage',
  money: 'amount of money',
  year: 'year',
  date: 'date',
  month: 'month',
  time: 'time',
};

export interface Expectation {
  expected: string;
  message: string;
  fix: string;
}

const UNIT_NAMES: Readonly<Record<NonNullable<QuantityReading['unit']>, string>> = {
  rai: 'rai',
  tonne: 'tonnes',
  km: 'km',
  person: 'people',
  times: 'times',
  year: 'years',
  month: 'months',
  day: 'days',
  hour: 'hours',
  minute: 'minutes',
};

/** What the English should have said, in plain words naming both texts' figures, and the likely fix. */
export function describeMismatch(english: Figure, thai: Figure | null): Expectation {
  const says = `The English says "${english.span.text}"`;
  if (!thai) {
    return {
      expected: '(not in the Thai)',
      message: `${says}, but the Thai has no such ${KIND_WORDS[english.kind]}.`,
      fix: `check the figure against the source; remove it if the Thai does not give it`,
    };
  }
  const expected = expectedValue(english, thai);
  const unit = unitName(english, thai);
  const thaiYear = readingOf(thai, 'year');
  const englishYear = readingOf(english, 'year');
  if (
    english.kind === 'year' &&
    thaiYear?.buddhistEra &&
    englishYear &&
    !englishYear.buddhistEra &&
    englishYear.value === thaiYear.value + BUDDHIST_ERA_OFFSET
  ) {
    return {
      expected,
      message: `${says}, the Thai's Buddhist-era year "${thai.span.text}" left unconverted; English years are Gregorian.`,
      fix: `write ${expected} (or "B.E. ${englishYear.value}")`,
    };
  }
  const englishQuantity = readingOf(english, 'quantity');
  const thaiQuantity = readingOf(thai, 'quantity');
  if (englishQuantity && thaiQuantity && Math.abs(englishQuantity.value - thaiQuantity.value) <= englishQuantity.precision / 2) {
    const counts = (quantity: QuantityReading) =>
      quantity.currency
        ? CURRENCY_NAMES[quantity.currency]
        : quantity.unit
          ? UNIT_NAMES[quantity.unit]
          : quantity.percent
            ? 'per cent'
            : quantity.ordinal
              ? 'a rank'
              : 'a count';
    return {
      expected: `${expected}${unit}`,
      message: `${says} (${counts(englishQuantity)}), but the Thai "${thai.span.text}" counts ${counts(thaiQuantity)}.`,
      fix: `say what the Thai counts: ${expected} ${counts(thaiQuantity)}`,
    };
  }
  const same = thai.span.text === expected;
  return {
    expected,
    message: `${says}, but the Thai says "${thai.span.text}"${same ? '' : `, which is ${expected}${unit} in English`}.`,
    fix: `write ${expected}${unit}`,
  };
}

function unitName(english: Figure, thai: Figure): string {
  if (english.kind !== 'money' && english.kind !== 'number') return '';
  const currency = readingOf(thai, 'quantity')?.currency;
  return currency ? ` ${CURRENCY_NAMES[currency]}` : '';
}

function expectedValue(english: Figure, thai: Figure): string {
  switch (english.kind) {
    case 'year': {
      const year = readingOf(thai, 'year');
      if (!year) return thai.span.text;
      const englishUsedBuddhistEra = english.readings.every((reading) => reading.type !== 'year' || reading.buddhistEra);
      return englishUsedBuddhistEra ? `${year.value + BUDDHIST_ERA_OFFSET}` : `${year.value}`;
    }
    case 'month': {
      const month = readingOf(thai, 'month') ?? null;
      const day = readingOf(thai, 'day');
      const value = month?.value ?? day?.month ?? null;
      return value === null ? thai.span.text : monthName(value);
    }
    case 'date': {
      const day = readingOf(thai, 'day');
      if (!day) return thai.span.text;
      return day.month === null ? `${day.day}` : `${day.day} ${monthName(day.month)}`;
    }
    case 'time': {
      const time = readingOf(thai, 'time');
      return time ? formatMinutes(time.minutes) : thai.span.text;
    }
    default: {
      const quantity = readingOf(thai, 'quantity');
      if (!quantity) return thai.span.text;
      const englishQuantity = readingOf(english, 'quantity');
      const amount = formatQuantity(quantity.value, englishQuantity?.magnitudeWord ?? null);
      return quantity.percent ? `${amount}%` : amount;
    }
  }
}
