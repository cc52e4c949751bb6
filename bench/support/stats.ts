import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Small helpers for the benchmarks: order statistics, byte and time formatting, plain-text tables. */

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: the p95 of 20 values is the 19th, never an interpolation between two runs.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);
export const p95 = (values: readonly number[]): number => quantile(values, 0.95);
export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
export const mean = (values: readonly number[]): number => (values.length ? sum(values) / values.length : Number.NaN);

export function kb(bytes: number, digits = 1): string {
  return `${(bytes / 1024).toFixed(digits)} KB`;
}

export function mb(bytes: number, digits = 1): string {
  return `${(bytes / 1024 / 1024).toFixed(digits)} MB`;
}

export function ms(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : '–';
}

export function seconds(msValue: number, digits = 1): string {
  return `${(msValue / 1000).toFixed(digits)} s`;
}

export function ratio(a: number, b: number): string {
  return b > 0 ? `${(a / b).toFixed(2)}×` : '–';
}

export function pass(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

/** Columns a string takes in a terminal: Thai vowel and tone marks sit on their letter. */
const width = (s: string): number => [...s.replace(/\p{M}/gu, '')].length;

/** A plain-text table; numbers and right-aligned columns line up in a terminal. */
export function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>, rightAlign: readonly number[] = []): string {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - width(c)));
        return rightAlign.includes(i) ? pad + c : c + pad;
      })
      .join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function timestamp(): string {
  return new Date()
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z');
}

/** What is being measured: the commit, and uncommitted changes to the pipeline in the working tree. */
export function gitState(): { head: string; changed: string[] } {
  const cwd = resolve(import.meta.dirname, '../..');
  const run = (args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' }).stdout?.trim() ?? '';
  return {
    head: run(['rev-parse', '--short', 'HEAD']),
    changed: run(['status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json', 'scripts']).split('\n').filter(Boolean),
  };
}
