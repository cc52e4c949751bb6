import { languages, otherLang, type Lang } from '../lib/i18n/index.ts';
import { groupByYear, monthOf, monthPages, type MonthGroup } from '../lib/months.ts';
import { LISTINGS_SITEMAP_FILE, storiesSitemapFile, type SitemapPage } from '../lib/seo/sitemap.ts';
import { articlePath, homePath, listingMonthPath, listingPath, listingYearPath, sideBySidePath, topicsPath, type Listing } from '../lib/urls.ts';
import { getListingMonths, getSectionsInUse, getStories, getTopicMonthListings } from './stories.ts';

/**
 * Every page worth indexing, from the content, with the sitemap file that lists it: not the search
 * and not-found pages, nor the old listing addresses and former story addresses (they only point on).
 * The pages' routes compute the same pages from the same data; the built site's test checks the two agree.
 */
export async function getSitemapPages(): Promise<SitemapPage[]> {
  const pages: SitemapPage[] = [{ path: '/', file: LISTINGS_SITEMAP_FILE }];
  const listing = (path: string) => pages.push({ path, file: LISTINGS_SITEMAP_FILE });

  for (const story of await getStories()) {
    const file = storiesSitemapFile(monthOf(story.published));
    for (const lang of story.languages) {
      pages.push({ path: articlePath(lang, story.slug), file });
      if (story.languages.includes(otherLang(lang))) pages.push({ path: sideBySidePath(lang, story.slug), file });
    }
  }

  const sections = await getSectionsInUse();
  const listings: Listing[] = [{ kind: 'archive' }, ...sections.map((section) => ({ kind: 'section', section }) as const)];
  const byMonth = (lang: Lang, each: Listing, months: readonly MonthGroup<unknown>[]) => {
    listing(listingPath(lang, each));
    for (const { year } of groupByYear(months)) listing(listingYearPath(lang, each, year));
    for (const { month, page } of monthPages(months, [])) listing(listingMonthPath(lang, each, month, page));
  };
  for (const lang of languages) {
    listing(homePath(lang));
    for (const each of listings) byMonth(lang, each, await getListingMonths(lang, each));
    listing(topicsPath(lang));
  }
  // A topic's pages in both languages, as a section's (one without stories in a language says where they are).
  for (const { lang, listing: each, months } of await getTopicMonthListings()) byMonth(lang, each, months);
  return pages;
}
