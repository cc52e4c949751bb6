import { describe, expect, it } from 'vitest';
import { formerPageNumbers, LISTING_PAGE_SIZE } from '../../src/lib/listings.ts';
import {
  formatMonth,
  formatYear,
  groupByMonth,
  groupByYear,
  latestByMonth,
  MONTH_PAGE_SIZE,
  monthOf,
  monthPageParams,
  monthPages,
  neighbours,
  yearPages,
} from '../../src/lib/months.ts';

const story = (slug: string, published: string) => ({ slug, published: new Date(published) });
// Newest first, as listings are.
const stories = [
  story('may', '2025-05-01T08:00:00+07:00'),
  story('apr-late', '2025-04-30T23:30:00+07:00'),
  // 17:30 UTC on 31 March is 00:30 on 1 April in Bangkok.
  story('apr-bangkok', '2025-03-31T17:30:00Z'),
  story('mar', '2025-03-05T10:00:00+07:00'),
  story('dec', '2024-12-31T09:00:00+07:00'),
  story('jan', '2024-01-02T09:00:00+07:00'),
];
const months = groupByMonth(stories, (s) => s.published);

describe('listings by month', () => {
  it('take the month in Bangkok time', () => {
    expect(monthOf(new Date('2025-03-31T17:30:00Z'))).toEqual({ year: 2025, month: 4 });
    expect(monthOf(new Date('2025-03-31T16:59:00Z'))).toEqual({ year: 2025, month: 3 });
  });

  it('group stories by month, newest month first, keeping their order', () => {
    expect(months.map((m) => [m.year, m.month, m.items.map((s) => s.slug)])).toEqual([
      [2025, 5, ['may']],
      [2025, 4, ['apr-late', 'apr-bangkok']],
      [2025, 3, ['mar']],
      [2024, 12, ['dec']],
      [2024, 1, ['jan']],
    ]);
  });

  it('group months by year with counts', () => {
    expect(groupByYear(months).map((y) => [y.year, y.months.map((m) => m.month), y.count])).toEqual([
      [2025, [5, 4, 3], 4],
      [2024, [12, 1], 2],
    ]);
  });

  it('find the months with stories around a month, across years and gaps', () => {
    const { newer, older } = neighbours(months, { year: 2024, month: 12 });
    expect([newer?.month, older?.month]).toEqual([3, 1]);
    expect(neighbours(months, { year: 2025, month: 5 }).newer).toBeNull();
    expect(neighbours(months, { year: 2024, month: 1 }).older).toBeNull();
    expect(neighbours(months, { year: 2020, month: 1 })).toEqual({ newer: null, older: null });
  });

  it('name months and years in Thai with the Buddhist era, in English with the Common Era', () => {
    expect(formatMonth({ year: 2025, month: 3 }, 'th')).toBe('มีนาคม 2568');
    expect(formatMonth({ year: 2025, month: 3 }, 'en')).toBe('March 2025');
    expect(formatYear(2024, 'th')).toBe('พ.ศ. 2567');
    expect(formatYear(2024, 'en')).toBe('2024');
  });

  it('paginate within a month: a page per MONTH_PAGE_SIZE stories, the first at the month itself', () => {
    const big = groupByMonth(
      Array.from({ length: MONTH_PAGE_SIZE + 1 }, (_, i) => story(`s${i}`, `2025-03-${String(28 - (i % 27)).padStart(2, '0')}T08:00:00+07:00`)),
      (s) => s.published,
    );
    const pages = monthPages([...big, ...months.slice(-1)], []);
    expect(pages.map((p) => [monthPageParams(p), p.page, p.lastPage, p.count, p.items.length])).toEqual([
      [{ year: '2025', month: '03', page: undefined }, 1, 2, MONTH_PAGE_SIZE + 1, MONTH_PAGE_SIZE],
      [{ year: '2025', month: '03', page: '2' }, 2, 2, MONTH_PAGE_SIZE + 1, 1],
      [{ year: '2024', month: '01', page: undefined }, 1, 1, 1, 1],
    ]);
    expect(pages[1]!.items).toEqual([big[0]!.items.at(-1)]);
  });

  it('give each month page what it shows and nothing else: the months around it, and the page to link in the other language', () => {
    // The other language has March with one page of stories, and nothing in May.
    const other = months.filter((m) => m.month !== 5).map((m) => ({ ...m, items: m.items.slice(0, 1) }));
    const big = groupByMonth(
      Array.from({ length: MONTH_PAGE_SIZE + 1 }, (_, i) => story(`s${i}`, '2025-03-10T08:00:00+07:00')),
      (s) => s.published,
    );
    const all = [...months.slice(0, 2), ...big, ...months.slice(3)];
    const pages = monthPages(all, other);
    const march2 = pages.find((p) => p.month.month === 3 && p.page === 2)!;
    expect(march2).toMatchObject({
      newer: { year: 2025, month: 4 },
      older: { year: 2024, month: 12 },
      alternate: { month: { year: 2025, month: 3 }, page: 1 },
    });
    expect(pages.find((p) => p.month.month === 5)).toMatchObject({ newer: null, alternate: null });
    // A neighbour is a month, not its stories: a new story elsewhere in April leaves March's pages as they are.
    expect(march2.newer).toEqual({ year: 2025, month: 4 });
  });

  it('give each year page its counts by month, the years around it and whether the other language has it', () => {
    const years = yearPages(months, [{ year: 2024, month: 1 }]);
    expect(years).toEqual([
      { year: 2025, count: 4, byMonth: [0, 0, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0], newer: null, older: 2024, inOtherLanguage: false },
      { year: 2024, count: 2, byMonth: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], newer: 2025, older: null, inOtherLanguage: true },
    ]);
  });

  it('show the latest stories on a listing’s own page under their months, saying which months are cut short', () => {
    expect(latestByMonth(months, 3).map(({ month, items, complete }) => [month.month, items.map((s) => s.slug), complete])).toEqual([
      [5, ['may'], true],
      [4, ['apr-late', 'apr-bangkok'], true],
    ]);
    expect(latestByMonth(months, 2).map(({ month, complete }) => [month.month, complete])).toEqual([
      [5, true],
      [4, false],
    ]);
    expect(latestByMonth([], 3)).toEqual([]);
  });

  it('keep the old count-paginated page numbers, except those that are years', () => {
    expect(formerPageNumbers(LISTING_PAGE_SIZE)).toEqual([]);
    expect(formerPageNumbers(LISTING_PAGE_SIZE * 3 + 1)).toEqual([2, 3, 4]);
    const huge = formerPageNumbers(LISTING_PAGE_SIZE * 2200);
    expect(huge).toContain(1899);
    expect(huge).not.toContain(2025);
  });
});
