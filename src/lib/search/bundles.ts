import { toBangkokIso } from '../dates.ts';
import type { SearchStory } from './record.ts';

/**
 * Pagefind holds a whole index in memory until it writes it, in proportion to the stories in it, so
 * a large archive would not fit the build machine at once. Stories are therefore indexed in groups, one
 * Pagefind index (a "bundle") each, built one after the other.
 *
 * A story's bundle depends only on its own publication date (Bangkok time): one per year, or per half
 * year, quarter or month for a newsroom that publishes more than one Pagefind index holds. So a new
 * story changes only its own period's bundle, and every older bundle stays byte for byte as it was
 * (a publish re-indexes one bundle; readers' caches keep the rest). The search page searches the
 * newest year first and loads older bundles when the reader asks for them (Pagefind's mergeIndex).
 */

export const SEARCH_BUNDLE_PERIODS = ['year', 'half', 'quarter', 'month'] as const;
export type SearchBundlePeriod = (typeof SEARCH_BUNDLE_PERIODS)[number];

/** The folders' common start: every bundle is /pagefind-<period>/. */
const PREFIX = '/pagefind-';

/**
 * The URL folder of the bundle that holds a story published at `published`: /pagefind-2025/ (year),
 * /pagefind-2025-h2/ (half), /pagefind-2025-q3/ (quarter), /pagefind-2025-07/ (month). Names sort
 * as their periods do.
 */
export function searchBundleFor(published: Date, period: SearchBundlePeriod): string {
  if (Number.isNaN(published.getTime())) throw new Error('searchBundleFor: the story has no valid publication date');
  const iso = toBangkokIso(published);
  const year = iso.slice(0, 4);
  const month = Number(iso.slice(5, 7));
  const part = {
    year: '',
    half: `-h${Math.ceil(month / 6)}`,
    quarter: `-q${Math.ceil(month / 3)}`,
    month: `-${iso.slice(5, 7)}`,
  }[period];
  return `${PREFIX}${year}${part}/`;
}

const PART_DAYS = 8;

/**
 * The part of its bundle a story's index is written in (search-index.ts): Pagefind indexes each part
 * on its own and the parts are merged into the bundle, so a publish re-indexes only the part whose
 * stories changed, in time that grows with the part's stories. A part is a span of at most eight days
 * of a month (1–8, 9–16, 17–24, 25–31, Bangkok time), named by its first day (2025-03-09): it nests in
 * every bundle period, and depends on the story's own date alone.
 */
export function searchPartFor(published: Date): string {
  if (Number.isNaN(published.getTime())) throw new Error('searchPartFor: the story has no valid publication date');
  const iso = toBangkokIso(published);
  const first = Math.floor((Number(iso.slice(8, 10)) - 1) / PART_DAYS) * PART_DAYS + 1;
  return `${iso.slice(0, 8)}${String(first).padStart(2, '0')}`;
}

/** The bundles of stories published at `dates`, newest period first (the search page's data-bundles). */
export function searchBundles(dates: Iterable<Date>, period: SearchBundlePeriod): string[] {
  return [...new Set([...dates].map((date) => searchBundleFor(date, period)))].sort().reverse();
}

/** The year (Common Era) a bundle's stories were published in, from its folder name. */
export function bundleYear(bundle: string): number {
  const year = bundle.startsWith(PREFIX) ? Number(bundle.slice(PREFIX.length, PREFIX.length + 4)) : Number.NaN;
  if (!Number.isInteger(year)) throw new Error(`${bundle} is not a search bundle folder (${PREFIX}<year>…/)`);
  return year;
}

/** Whether a site folder's name is one of the bundles (pagefind-2025, pagefind-2025-h2 …). */
export function isBundleFolder(name: string): boolean {
  return /^pagefind-\d{4}(-(h[12]|q[1-4]|\d\d))?$/.test(name);
}

/**
 * What the build indexes: the stories of each bundle, newest first, as the search index reads them
 * (record.ts). The route src/pages/search-records/[bundle].json.ts writes one file per bundle into
 * this folder of the site from the stories as the content loader read them; the search index
 * integration reads the files and removes the folder.
 */
export const SEARCH_RECORDS_DIR = 'search-records';

/** The file of a bundle's stories in SEARCH_RECORDS_DIR: /pagefind-2025/ → pagefind-2025.json. */
export function searchRecordsFile(bundle: string): string {
  return `${bundle.replaceAll('/', '')}.json`;
}

/** A bundle's stories, in the order it indexes them. */
export interface SearchBundleStories {
  bundle: string;
  stories: SearchStory[];
}

/** Groups stories by bundle, newest first (ties by slug), so every bundle's file is a function of its own stories. */
export function searchBundleGroups<T extends { published: Date; slug: string }>(stories: readonly T[], period: SearchBundlePeriod): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  const newestFirst = [...stories].sort((a, b) => b.published.getTime() - a.published.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  for (const story of newestFirst) {
    const bundle = searchBundleFor(story.published, period);
    const group = groups.get(bundle);
    if (group) group.push(story);
    else groups.set(bundle, [story]);
  }
  return groups;
}
