import { languages, otherLang } from '../lib/i18n/index.ts';
import { LISTING_PAGE_SIZE } from '../lib/listings.ts';
import { groupByYear, monthOf, monthPages } from '../lib/months.ts';
import { LISTINGS_SITEMAP_FILE, storiesSitemapFile, type SitemapPage } from '../lib/seo/sitemap.ts';
import {
  articlePath,
  homePath,
  listingMonthPath,
  listingPath,
  listingYearPath,
  pageCount,
  sideBySidePath,
  topicPath,
  topicsPath,
  type Listing,
} from '../lib/urls.ts';
import { getListingMonths, getSectionsInUse, getStories, getTopicListings } from './stories.ts';

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
  for (const lang of languages) {
    listing(homePath(lang));
    for (const each of listings) {
      listing(listingPath(lang, each));
      const months = await getListingMonths(lang, each);
      for (const { year } of groupByYear(months)) listing(listingYearPath(lang, each, year));
      for (const { month, page } of monthPages(months, [])) listing(listingMonthPath(lang, each, month, page));
    }
    listing(topicsPath(lang));
    for (const { topic, items } of await getTopicListings(lang)) {
      for (let page = 1; page <= pageCount(items.length, LISTING_PAGE_SIZE); page++) listing(topicPath(lang, topic.id, page));
    }
  }
  return pages;
}
