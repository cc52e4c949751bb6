/** Helpers shared by the Thai and English extractors. */
import type { Figure } from './types.ts';

/** A written number: "1,234.5" or "2278", with thousands separators and an optional decimal part; or a clock time "10:30". */
export const NUMBER_PATTERN = /\d{1,2}:\d{2}(?!\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

export interface WrittenNumber {
  value: number;
  /** Place value of the last written digit: 1 for "2278", 0.001 for "2.278". */
  precision: number;
  decimals: number;
  hasThousandsSeparator: boolean;
  integerDigits: string;
}

export function readWrittenNumber(token: string): WrittenNumber {
  const plain = token.replaceAll(',', '');
  const [integerPart = '', decimalPart = ''] = plain.split('.');
  return {
    value: Number(plain),
    precision: 10 ** -decimalPart.length,
    decimals: decimalPart.length,
    hasThousandsSeparator: token.includes(','),
    integerDigits: integerPart,
  };
}

/** A clock time written "10.30" or "10:30": hours 0–24, minutes 00–59. */
export function clockMinutes(token: string): number | null {
  const match = /^(\d{1,2})[.:](\d{2})$/.exec(token);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** The significant digits of a number, so "2.278" and "2278" can be recognised as the same figure misplaced. */
export function significantDigits(token: string): string {
  return token.replace(/\D/g, '').replace(/^0+/, '').replace(/0+$/, '');
}

/** Rounds away floating-point noise (227.79999999 → 227.8) before a number is shown. */
export function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** "10:30" can only be a clock time. */
export function isColonTime(token: string): boolean {
  return /^\d{1,2}:\d{2}$/.test(token);
}

/** A code of three or more digit groups joined by hyphens (a case or telephone number) starting at `start`: one figure, read as written, not as numbers. */
export function codeAt(text: string, start: number): Figure | null {
  const code = /^\d+(?:-\d+){2,}/.exec(text.slice(start));
  if (!code) return null;
  return { kind: 'number', span: { text: code[0], start, end: start + code[0].length }, readings: [{ type: 'code', text: code[0] }], approximate: false };
}
