import { significantDigits } from './numbers.ts';
import type { Figure, Reading } from './types.ts';

/** Hedged figures ("about 220 billion", "ประมาณ") may differ by this much from the Thai. */
export const APPROXIMATE_TOLERANCE = 0.02;

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
  const difference = Math.abs(english.value - thai.value);
  // Within half the last digit the English wrote, it is rounding ("227.8 billion" for 227,845 ล้าน).
  const rounding = english.precision / 2;
  const hedge = approximate ? Math.abs(thai.value) * APPROXIMATE_TOLERANCE : 0;
  return difference <= Math.max(rounding, hedge) + Math.abs(thai.value) * 1e-9;
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

/** Money in a currency the Thai never uses, next to a supported amount, is a conversion the translator added. */
function isAddedConversion(english: Figure, supported: readonly Figure[], thai: readonly ThaiFigure[]): boolean {
  const currency = firstQuantity(english)?.currency;
  if (!currency || thai.some(({ figure }) => firstQuantity(figure)?.currency === currency)) return false;
  return supported.some((other) => other.kind === 'money' && Math.abs(other.span.start - english.span.start) <= 80);
}

/**
 * English figures that no Thai figure supports. Every English figure must be backed; Thai figures the
 * English leaves out are fine (translations may shorten).
 */
export function findUnsupportedFigures(english: readonly Figure[], thai: readonly ThaiFigure[], positions: RelativePositions): UnsupportedFigure[] {
  const used = new Set<ThaiFigure>();
  const supported: Figure[] = [];
  const unsupported: Figure[] = [];
  for (const figure of english) {
    const backing = thai.filter((candidate) => thaiSupports(candidate.figure, figure));
    if (backing.length === 0) {
      unsupported.push(figure);
      continue;
    }
    supported.push(figure);
    used.add(backing.find((candidate) => candidate.figure.kind === figure.kind) ?? backing[0]!);
  }
  const result: UnsupportedFigure[] = [];
  for (const figure of unsupported) {
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
