import { ENGLISH_MONTHS, NEWSROOM_TIME_ZONE, toBuddhistYear } from './dates.ts';
import type { Lang } from './i18n/languages.ts';
import { THAI_MONTHS } from './thai-calendar.ts';
import { clampPage } from './page-view.ts';
import { pageCount } from './urls.ts';

/**
 * Listings (the archive, each section) are arranged by the month a story was published in, Bangkok
 * time, so that a new story changes the pages of its own month only, not every page of a list counted
 * from the newest. Years are Common Era in URLs (/th/archive/2025/03/) and Buddhist era on Thai pages.
 */

/** Stories per page within a month, as many as the count-paginated listings had, and a few. */
export const MONTH_PAGE_SIZE = 25;

/** A calendar month: the Common Era year and the month, 1–12. */
export interface Month {
  year: number;
  month: number;
}

/** A month with the stories published in it, newest first. */
export interface MonthGroup<T> extends Month {
  items: T[];
}

/** A year with its months that have stories, newest first. */
export interface YearGroup<T> {
  year: number;
  months: MonthGroup<T>[];
  count: number;
}

const bangkokMonth = new Intl.DateTimeFormat('en-US', { timeZone: NEWSROOM_TIME_ZONE, year: 'numeric', month: 'numeric' });

/** The month a moment falls in, Bangkok time (23:30 UTC on 31 March is 1 April in Bangkok). */
export function monthOf(date: Date): Month {
  const parts = bangkokMonth.formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month') };
}

export function sameMonth(a: Month, b: Month): boolean {
  return a.year === b.year && a.month === b.month;
}

/** Groups items, newest first, by the month of their date: newest month first, each keeping the items' order. */
export function groupByMonth<T>(items: readonly T[], dateOf: (item: T) => Date): MonthGroup<T>[] {
  const byKey = new Map<string, MonthGroup<T>>();
  for (const item of items) {
    const { year, month } = monthOf(dateOf(item));
    const key = `${year}-${month}`;
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = { year, month, items: [] }));
    group.items.push(item);
  }
  return [...byKey.values()].sort((a, b) => b.year - a.year || b.month - a.month);
}

/** The months grouped by year, newest year first. */
export function groupByYear<T>(months: readonly MonthGroup<T>[]): YearGroup<T>[] {
  const years: YearGroup<T>[] = [];
  for (const month of months) {
    const last = years.at(-1);
    if (last?.year === month.year) {
      last.months.push(month);
      last.count += month.items.length;
    } else years.push({ year: month.year, months: [month], count: month.items.length });
  }
  return years;
}

/** The months with stories just newer and just older than one of `months` (newest first), or null at either end. */
export function neighbours<T extends Month>(months: readonly T[], month: Month): { newer: T | null; older: T | null } {
  const i = months.findIndex((m) => sameMonth(m, month));
  if (i === -1) return { newer: null, older: null };
  return { newer: months[i - 1] ?? null, older: months[i + 1] ?? null };
}

/** "มีนาคม 2568" on Thai pages (Buddhist era), "March 2025" on English ones. */
export function formatMonth({ year, month }: Month, lang: Lang): string {
  if (lang === 'th') return `${THAI_MONTHS[month - 1]!.full} ${toBuddhistYear(year)}`;
  return `${ENGLISH_MONTHS[month - 1]} ${year}`;
}

/** A month's name alone: "มีนาคม", "March". */
export function monthName(month: number, lang: Lang): string {
  return lang === 'th' ? THAI_MONTHS[month - 1]!.full : ENGLISH_MONTHS[month - 1]!;
}

/** "พ.ศ. 2568" on Thai pages, "2025" on English ones. */
export function formatYear(year: number, lang: Lang): string {
  return lang === 'th' ? `พ.ศ. ${toBuddhistYear(year)}` : String(year);
}

/** A month page's route parameters: year "2025", month "03", page undefined for the first. */
export function monthPageParams({ month, page }: { month: Month; page: number }): { year: string; month: string; page: string | undefined } {
  return { year: String(month.year), month: String(month.month).padStart(2, '0'), page: page === 1 ? undefined : String(page) };
}

/**
 * What a listing's own page shows: its latest `limit` stories, under the months they belong to (the
 * newest month alone may hold one story). `complete` says whether the month is shown whole.
 */
export function latestByMonth<T>(months: readonly MonthGroup<T>[], limit: number): { month: MonthGroup<T>; items: T[]; complete: boolean }[] {
  const shown: { month: MonthGroup<T>; items: T[]; complete: boolean }[] = [];
  let left = limit;
  for (const month of months) {
    if (left <= 0) break;
    const items = month.items.slice(0, left);
    shown.push({ month, items, complete: items.length === month.items.length });
    left -= items.length;
  }
  return shown;
}

/**
 * What one page of a month shows, and nothing else: its stories, the counts it states, the months
 * around it and the same month in the other language. A route gives this as the page's props, so an
 * incremental build (page-digest.ts) rebuilds the page exactly when what it shows changes.
 */
export interface MonthPage<T> {
  month: Month;
  page: number;
  lastPage: number;
  /** The month's stories in this language. */
  count: number;
  /** This page's stories. */
  items: T[];
  newer: Month | null;
  older: Month | null;
  /** The same month in the other language, at this page or its last: null when it has no stories then. */
  alternate: { month: Month; page: number } | null;
}

/** Every page of every month of a listing (newest first), with the listing's months in the other language. */
export function monthPages<T>(months: readonly MonthGroup<T>[], otherMonths: readonly MonthGroup<unknown>[]): MonthPage<T>[] {
  return months.flatMap((group, i) => {
    const month = { year: group.year, month: group.month };
    const lastPage = pageCount(group.items.length, MONTH_PAGE_SIZE);
    const newer = months[i - 1];
    const older = months[i + 1];
    const other = otherMonths.find((m) => sameMonth(m, month));
    return Array.from({ length: lastPage }, (_, p) => ({
      month,
      page: p + 1,
      lastPage,
      count: group.items.length,
      items: group.items.slice(p * MONTH_PAGE_SIZE, (p + 1) * MONTH_PAGE_SIZE),
      newer: newer ? { year: newer.year, month: newer.month } : null,
      older: older ? { year: older.year, month: older.month } : null,
      alternate: other ? { month, page: clampPage(p + 1, pageCount(other.items.length, MONTH_PAGE_SIZE)) } : null,
    }));
  });
}

/** What a year's page shows: the year's story count by month, the years around it, and whether the other language has stories that year. */
export interface YearPage {
  year: number;
  count: number;
  /** Stories in each month, January first. */
  byMonth: number[];
  newer: number | null;
  older: number | null;
  inOtherLanguage: boolean;
}

/** Every year of a listing (newest first), with the listing's months in the other language. */
export function yearPages(months: readonly MonthGroup<unknown>[], otherMonths: readonly Month[]): YearPage[] {
  const years = groupByYear(months);
  return years.map(({ year, months: inYear, count }, i) => {
    const byMonth = Array.from({ length: 12 }, () => 0);
    for (const m of inYear) byMonth[m.month - 1] = m.items.length;
    return {
      year,
      count,
      byMonth,
      newer: years[i - 1]?.year ?? null,
      older: years[i + 1]?.year ?? null,
      inOtherLanguage: otherMonths.some((m) => m.year === year),
    };
  });
}
