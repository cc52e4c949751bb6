import { significantDigits } from './numbers.ts';
import type { Figure, Reading } from './types.ts';

/**
 * The place value a figure was rounded to: its last written digit, or for a hedged figure ("about 200",
 * "over 10 million") its last non-zero digit, since "about 200" may stand for 196.
 */
function roundedTo(quantity: Extract<Reading, { type: 'quantity' }>, hedged: boolean): number {
  if (!hedged) return quantity.precision;
  let units = Math.round(Math.abs(quantity.value) / quantity.precision);
  let place = quantity.precision;
  while (units > 0 && units % 10 === 0) {
    units /= 10;
    place *= 10;
  }
  return place;
}

/** A Thai figure and the Thai paragraph it sits in. */
export interface ThaiFigure {
  figure: Figure;
  paragraph: number;
}

/** Where a figure sits in its text, 0–1, so figures in the same place can be paired up. */
export interface RelativePositions {
  english: (figure: Figure) => number;
  thai: (figure: ThaiFigure) => number;
}

/** An English figure the Thai does not support, with the Thai figure it most likely stands for. */
export interface UnsupportedFigure {
  english: Figure;
  likelyThai: ThaiFigure | null;
}

function quantitiesAgree(english: Extract<Reading, { type: 'quantity' }>, thai: Extract<Reading, { type: 'quantity' }>, approximate: boolean): boolean {
  if (english.percent !== thai.percent) return false;
  if (english.currency && thai.currency && english.currency !== thai.currency) return false;
  // Baht are not rai, and 5 เท่า (times) is not 5 baht: what is counted must agree when both texts say it.
  if (english.unit && thai.unit && english.unit !== thai.unit) return false;
  if ((english.currency && thai.unit) || (english.unit && thai.currency)) return false;
  // Money is not a count of shops, and "3 tourists" is not "อันดับที่ 3".
  if ((english.currency && (thai.counted || thai.ordinal)) || (thai.currency && english.counted) || (english.counted && thai.ordinal)) return false;
  // "the sixth largest" is a rank; "หกสถาบัน" counts six institutions.
  if (english.ordinal && thai.counted) return false;
  const difference = Math.abs(english.value - thai.value);
  // Within half the last digit the English wrote, it is rounding ("227.8 billion" for 227,845 ล้าน).
  return difference <= roundedTo(english, approximate) / 2 + Math.abs(thai.value) * 1e-9;
}

export function readingsAgree(english: Reading, thai: Reading, approximate: boolean): boolean {
  switch (english.type) {
    case 'quantity':
      return thai.type === 'quantity' && quantitiesAgree(english, thai, approximate);
    case 'year':
      return thai.type === 'year' && english.value === thai.value;
    case 'month':
      return thai.type === 'month' && english.value === thai.value;
    case 'day':
      return thai.type === 'day' && english.day === thai.day && (english.month === null || thai.month === null || english.month === thai.month);
    case 'time':
      // "3.00" without a.m./p.m. may be 15.00 น.
      return thai.type === 'time' && (english.minutes === thai.minutes || (english.twelveHourClock && english.minutes + 12 * 60 === thai.minutes));
    case 'code':
      return thai.type === 'code' && english.text.replace(/\D/g, '') === thai.text.replace(/\D/g, '');
  }
}

export function thaiSupports(thai: Figure, english: Figure): boolean {
  const approximate = english.approximate || thai.approximate;
  return english.readings.some((englishReading) => thai.readings.some((thaiReading) => readingsAgree(englishReading, thaiReading, approximate)));
}

type KindFamily = 'quantity' | 'year' | 'month' | 'date' | 'time';

function family(kind: Figure['kind']): KindFamily {
  return kind === 'number' || kind === 'percent' || kind === 'money' ? 'quantity' : kind;
}

function firstQuantity(figure: Figure): Extract<Reading, { type: 'quantity' }> | null {
  for (const reading of figure.readings) if (reading.type === 'quantity') return reading;
  return null;
}

/** Scores how likely a Thai figure is the one an unsupported English figure was meant to render. */
function likelihood(english: Figure, thai: Figure, relativeDistance: number, unused: boolean): number {
  let score = 0;
  if (thai.kind === english.kind) score += 2;
  if (unused) score += 2;
  const englishDigits = significantDigits(english.span.text);
  if (englishDigits.length > 0 && englishDigits === significantDigits(thai.span.text)) score += 3;
  const englishQuantity = firstQuantity(english);
  const thaiQuantity = firstQuantity(thai);
  if (englishQuantity?.currency && englishQuantity.currency === thaiQuantity?.currency) score += 1;
  return score - 2 * relativeDistance;
}

function isCandidateFor(english: Figure, thai: Figure): boolean {
  const hasCode = (figure: Figure) => figure.readings.some((reading) => reading.type === 'code');
  if (hasCode(english)) return hasCode(thai);
  const wanted = family(english.kind);
  if (wanted === 'month') return thai.readings.some((reading) => reading.type === 'month');
  if (wanted === 'year') return thai.readings.some((reading) => reading.type === 'year');
  if (wanted === 'date') return thai.readings.some((reading) => reading.type === 'day');
  if (wanted === 'time') return thai.readings.some((reading) => reading.type === 'time');
  return family(thai.kind) === 'quantity' && firstQuantity(thai) !== null && !hasCode(thai);
}

/**
 * Money in a currency the Thai never uses, right after a supported amount ("8 billion dollars (about 280
 * billion baht)"), is a conversion the translator added.
 */
function isAddedConversion(english: Figure, supported: readonly Figure[], thai: readonly ThaiFigure[]): boolean {
  const currency = firstQuantity(english)?.currency;
  if (!currency || thai.some(({ figure }) => firstQuantity(figure)?.currency === currency)) return false;
  return supported.some((other) => other.kind === 'money' && english.span.start >= other.span.end && english.span.start - other.span.end <= 20);
}

/** How close (in characters) a year and the amount it dates sit in English, and in Thai. */
const COMPANION_DISTANCE = { english: 60, thai: 40 };

function distance(a: Figure, b: Figure): number {
  return a.span.start >= b.span.end ? a.span.start - b.span.end : b.span.start >= a.span.end ? b.span.start - a.span.end : 0;
}

/**
 * The year the Thai gives for the amount an English year dates: "In 2022, exports were 6.4 billion" is
 * checked against the year next to 6.4 พันล้าน in the Thai, not against any year of the paragraph.
 */
function thaiYearOfCompanion(year: Figure, english: readonly Figure[], thai: readonly ThaiFigure[]): ThaiFigure | null {
  const amounts = english.filter(
    (figure) => family(figure.kind) === 'quantity' && figure.kind !== 'number' && distance(figure, year) <= COMPANION_DISTANCE.english,
  );
  const companion = amounts.sort((a, b) => distance(a, year) - distance(b, year))[0];
  if (!companion) return null;
  const backing = thai.filter((candidate) => thaiSupports(candidate.figure, companion));
  if (backing.length !== 1) return null;
  const amount = backing[0]!;
  const years = thai.filter(
    (candidate) =>
      candidate.paragraph === amount.paragraph && candidate.figure.kind === 'year' && distance(candidate.figure, amount.figure) <= COMPANION_DISTANCE.thai,
  );
  return years.sort((a, b) => distance(a.figure, amount.figure) - distance(b.figure, amount.figure))[0] ?? null;
}

/**
 * English figures that no Thai figure supports. Every English figure must be backed; Thai figures the
 * English leaves out are fine (translations may shorten).
 */
export function findUnsupportedFigures(english: readonly Figure[], thai: readonly ThaiFigure[], positions: RelativePositions): UnsupportedFigure[] {
  const used = new Set<ThaiFigure>();
  const supported: Figure[] = [];
  const unsupported: Figure[] = [];
  const roleMismatch = new Map<Figure, ThaiFigure>();
  for (const figure of english) {
    const backing = thai.filter((candidate) => thaiSupports(candidate.figure, figure));
    if (backing.length === 0) {
      unsupported.push(figure);
      continue;
    }
    const yearOfItsFigure = figure.kind === 'year' ? thaiYearOfCompanion(figure, english, thai) : null;
    if (yearOfItsFigure && !thaiSupports(yearOfItsFigure.figure, figure)) {
      unsupported.push(figure);
      roleMismatch.set(figure, yearOfItsFigure);
      continue;
    }
    supported.push(figure);
    used.add(backing.find((candidate) => candidate.figure.kind === figure.kind) ?? backing[0]!);
  }
  const result: UnsupportedFigure[] = [];
  for (const figure of unsupported) {
    const role = roleMismatch.get(figure);
    if (role) {
      result.push({ english: figure, likelyThai: role });
      continue;
    }
    if (isAddedConversion(figure, supported, thai)) continue;
    const englishPosition = positions.english(figure);
    let best: ThaiFigure | null = null;
    let bestScore = -Infinity;
    for (const candidate of thai) {
      if (!isCandidateFor(figure, candidate.figure)) continue;
      const score = likelihood(figure, candidate.figure, Math.abs(englishPosition - positions.thai(candidate)), !used.has(candidate));
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best) used.add(best);
    result.push({ english: figure, likelyThai: best });
  }
  return result;
}
