import { EARLIEST_YEAR, LATEST_YEAR } from './dates.ts';
import { ui, type Lang } from './i18n/index.ts';
import { yearPages, type Month, type MonthGroup, type YearPage } from './months.ts';
import { topicName } from './topics.ts';
import type { Listing } from './urls.ts';

/** Stories per page of the archive, section and topic pages when they were paginated by count (their old numbered addresses). */
export const LISTING_PAGE_SIZE = 20;

/** The id of a listing's list of years on its first page, which other pages link to. */
export const BY_YEAR_ID = 'by-year-heading';
/** The front page: a lead story, a row of secondary stories, then each section's latest. */
export const FRONT_SECONDARY = 4;
export const FRONT_SECTION_SIZE = 4;

/** How many stories of its section the end of a story offers. */
export const MORE_FROM_SECTION = 4;

interface Listed {
  story: { slug: string; section: string };
}

/**
 * What a story's end offers so that reading never stops at a dead end: the next story (the next older
 * one in the reader's language; none after the oldest, whose end still links to its section) and the
 * stories of its section just older than it, neither the story itself nor the next one. Both look only
 * at older stories, so a new story changes no other story's end, and a backdated one only the ends of
 * the few stories just newer than it. `items` is newest first; grouping is done once per listing.
 */
export function storyEnds<T extends Listed>(items: readonly T[]): (slug: string) => { next: T | null; more: T[] } {
  const position = new Map(items.map((item, i) => [item.story.slug, i]));
  const bySection = new Map<string, T[]>();
  const sectionPosition = new Map<string, number>();
  for (const item of items) {
    const list = bySection.get(item.story.section) ?? [];
    sectionPosition.set(item.story.slug, list.length);
    list.push(item);
    bySection.set(item.story.section, list);
  }
  return (slug) => {
    const i = position.get(slug);
    if (i === undefined) return { next: null, more: [] };
    const next = items[i + 1] ?? null;
    const section = bySection.get(items[i]!.story.section) ?? [];
    const more: T[] = [];
    for (const item of section.slice(sectionPosition.get(slug)! + 1)) {
      if (more.length === MORE_FROM_SECTION) break;
      if (item !== next) more.push(item);
    }
    return { next, more };
  };
}

/**
 * The front page's order of importance: the newest story leads, the next ones make the row under it,
 * then each section (in the fixed section order) shows its latest stories not already shown above.
 */
export function frontPage<T extends Listed, S extends string>(
  items: readonly T[],
  sections: readonly S[],
): { lead: T | null; secondary: T[]; sections: { section: S; items: T[] }[] } {
  const top = items.slice(0, 1 + FRONT_SECONDARY);
  const shown = new Set(top.map((item) => item.story.slug));
  const blocks = sections.map((section) => ({
    section,
    items: items.filter((item) => item.story.section === section && !shown.has(item.story.slug)).slice(0, FRONT_SECTION_SIZE),
  }));
  return { lead: top[0] ?? null, secondary: top.slice(1), sections: blocks.filter((block) => block.items.length > 0) };
}

/**
 * The page numbers beyond the first that the archive, a section or a topic had when it was paginated by count
 * (/th/archive/2/), kept as small pages that point into the months so that old links still lead
 * somewhere. A number that is also a year (/th/archive/2025/) is that year's page instead.
 */
export function formerPageNumbers(count: number): number[] {
  const pages: number[] = [];
  for (let page = 2; page <= Math.ceil(count / LISTING_PAGE_SIZE); page++) if (page < EARLIEST_YEAR || page > LATEST_YEAR) pages.push(page);
  return pages;
}

/** What a listing's `[key]` address holds: one of its years (/th/archive/2025/), or an old numbered page (/th/archive/3/). */
export type ListingKeyPage = { kind: 'year'; at: YearPage } | { kind: 'former'; page: number };

/** Every `[key]` page of a listing in a language, from its months there and in the other language. */
export function listingKeyPages(months: readonly MonthGroup<unknown>[], otherMonths: readonly Month[]): { key: string; page: ListingKeyPage }[] {
  const count = months.reduce((sum, month) => sum + month.items.length, 0);
  return [
    ...yearPages(months, otherMonths).map((at) => ({ key: String(at.year), page: { kind: 'year', at } as const })),
    ...formerPageNumbers(count).map((page) => ({ key: String(page), page: { kind: 'former', page } as const })),
  ];
}

/** A listing's name: "ข่าวทั้งหมด" for the archive, the section's name for a section, the topic's for a topic (in either language, as topicName gives it). */
export function listingName(listing: Listing, lang: Lang): string {
  const t = ui(lang);
  if (listing.kind === 'topic') return topicName(listing.topic, lang).text;
  return listing.kind === 'archive' ? t.allStories : t.sectionNames[listing.section];
}
