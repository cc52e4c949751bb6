import { isLang, type Lang } from './i18n/languages.ts';
import type { SectionId } from './sections.ts';
import type { Topic } from './topics.ts';

/** Every URL of the site is a directory URL: /th/articles/<slug>/. */

export function homePath(lang: Lang): string {
  return `/${lang}/`;
}

export function articlePath(lang: Lang, slug: string): string {
  return `/${lang}/articles/${slug}/`;
}

const ARTICLE_PATH = /^\/?([a-z]+)\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

/** The reverse of articlePath: the language and slug of a story page's path (slashes optional), else null. */
export function parseArticlePath(path: string): { lang: Lang; slug: string } | null {
  const match = ARTICLE_PATH.exec(path);
  return match && isLang(match[1]) ? { lang: match[1], slug: match[2]! } : null;
}

export function searchPath(lang: Lang, query?: string): string {
  return query ? `/${lang}/search/?q=${encodeURIComponent(query)}` : `/${lang}/search/`;
}

/** Both versions of a story, paragraph by paragraph, with the interface in one language. */
export function sideBySidePath(lang: Lang, slug: string): string {
  return `/${lang}/articles/${slug}/side-by-side/`;
}

/** Page 1 of a listing lives at the listing's root; later pages at /2/, /3/, … */
function pagedPath(base: string, page: number): string {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be a positive integer, got ${page}`);
  return page === 1 ? base : `${base}${page}/`;
}

/** A listing arranged by month: the whole archive of a language, one section, or one topic. */
export type Listing = { kind: 'archive' } | { kind: 'section'; section: SectionId } | { kind: 'topic'; topic: Topic };

/** A listing's own page (its newest month). A page number > 1 is the old count-paginated address, kept so old links work. */
export function listingPath(lang: Lang, listing: Listing, page = 1): string {
  const base =
    listing.kind === 'archive' ? `/${lang}/archive/` : listing.kind === 'section' ? `/${lang}/sections/${listing.section}/` : topicPath(lang, listing.topic.id);
  return pagedPath(base, page);
}

/** The months of a year that have stories: /th/archive/2025/ (Common Era in the URL, whatever the language). */
export function listingYearPath(lang: Lang, listing: Listing, year: number): string {
  return `${listingPath(lang, listing)}${year}/`;
}

/** A month's stories: /th/archive/2025/03/, and /th/archive/2025/03/2/ when the month takes more than one page. */
export function listingMonthPath(lang: Lang, listing: Listing, { year, month }: { year: number; month: number }, page = 1): string {
  return pagedPath(`${listingYearPath(lang, listing, year)}${String(month).padStart(2, '0')}/`, page);
}

export function archivePath(lang: Lang): string {
  return listingPath(lang, { kind: 'archive' });
}

export function sectionPath(lang: Lang, section: SectionId): string {
  return listingPath(lang, { kind: 'section', section });
}

/** All topics of a language. */
export function topicsPath(lang: Lang): string {
  return `/${lang}/topics/`;
}

/** A topic's own page (its latest stories by month); an unmapped Thai tag's id is Thai, written percent-encoded. */
export function topicPath(lang: Lang, topicId: string): string {
  return `/${lang}/topics/${encodeURIComponent(topicId)}/`;
}

/** The language a site path belongs to, or null for paths outside /th/ and /en/. */
export function langOfPath(path: string): Lang | null {
  const first = path.split('/')[1];
  return isLang(first) ? first : null;
}

/**
 * The same path in another language: /th/archive/2/ → /en/archive/2/.
 * Query and fragment are kept. A path outside the language folders gets the prefix.
 */
export function localizeUrl(path: string, lang: Lang): string {
  if (!path.startsWith('/')) throw new Error(`localizeUrl expects a site path starting with "/", got "${path}"`);
  const split = path.search(/[?#]/);
  const pathname = split === -1 ? path : path.slice(0, split);
  const rest = split === -1 ? '' : path.slice(split);
  const parts = pathname.slice(1).split('/');
  if (isLang(parts[0])) parts[0] = lang;
  else if (parts[0] === '') parts[0] = lang + '/';
  else parts.unshift(lang);
  let localized = ('/' + parts.join('/')).replace(/\/{2,}/g, '/');
  // Pages are directories; files such as /rss.xml keep their name.
  if (!localized.endsWith('/') && !/\.[a-z0-9]+$/i.test(localized)) localized += '/';
  return localized + rest;
}

/** Where a story can be read in a language: its page there, or null when it has no version in that language. */
export function translationOf(story: { slug: string; languages: readonly Lang[] }, lang: Lang): string | null {
  return story.languages.includes(lang) ? articlePath(lang, story.slug) : null;
}

/** Number of pages a listing of `count` items needs; an empty listing still has its first page. */
export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}

/**
 * The file a browser asks the site for at a path written in a story: percent escapes decoded (so
 * %2e. is ..), query and fragment dropped; null when an escape is malformed.
 */
export function decodeSitePath(path: string): string | null {
  try {
    return decodeURIComponent(path.split(/[?#]/)[0]!);
  } catch {
    return null;
  }
}
