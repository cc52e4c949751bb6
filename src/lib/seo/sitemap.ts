import { isLang } from '../i18n/languages.ts';

/**
 * The sitemap is written from the content (src/pages/sitemap-index.xml.ts, src/pages/sitemaps/), not
 * from the pages one build happened to write, and it is split so that one new story changes few of its
 * files: one per month of stories (their pages in each language and side by side) and one for the
 * listings, under an index that changes only when a month is added.
 */

export const SITEMAP_INDEX = '/sitemap-index.xml';

/** A page worth listing, and the sitemap file that lists it: `listings`, or `stories-2025-03` for a month's stories. */
export interface SitemapPage {
  path: string;
  file: string;
}

export function sitemapFilePath(file: string): string {
  return `/sitemaps/${file}.xml`;
}

/** The file of a month's stories. */
export function storiesSitemapFile({ year, month }: { year: number; month: number }): string {
  return `stories-${year}-${String(month).padStart(2, '0')}`;
}

export const LISTINGS_SITEMAP_FILE = 'listings';

/** /th/x/ and /en/x/ are one page in two languages; "/" (the language chooser) goes with /th/ and /en/ as x-default. */
function pairKey(path: string): { key: string; hreflang: string } {
  const [, first, ...rest] = path.split('/');
  if (isLang(first)) return { key: '/' + rest.join('/'), hreflang: first };
  return { key: path, hreflang: 'x-default' };
}

/**
 * Each page with its hreflang alternates: every language it exists in (itself included), when it
 * exists in more than one, ordered by address. Alternates pair the same address in each language, as
 * the pages' own hreflang links do wherever a page has its counterpart.
 */
export function withAlternates(paths: readonly string[]): { path: string; alternates: { hreflang: string; path: string }[] }[] {
  const groups = new Map<string, { hreflang: string; path: string }[]>();
  for (const path of paths) {
    const { key, hreflang } = pairKey(path);
    const group = groups.get(key) ?? groups.set(key, []).get(key)!;
    group.push({ hreflang, path });
  }
  return paths.map((path) => {
    const group = groups.get(pairKey(path).key)!;
    return { path, alternates: group.length > 1 ? [...group].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) : [] };
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A page's absolute URL; a path with Thai in it (a topic named by its Thai tag) is percent-encoded, as a URL must be. */
function absolute(path: string, site: URL): string {
  return new URL(path, site).href;
}

/** One sitemap file: `entries` from withAlternates, those of this file, ordered by address. */
export function urlsetXml(entries: ReturnType<typeof withAlternates>, site: URL): string {
  const urls = [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map(({ path, alternates }) => {
      const links = alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${escapeXml(absolute(a.path, site))}"/>`);
      return `<url><loc>${escapeXml(absolute(path, site))}</loc>${links.join('')}</url>`;
    });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">' +
    urls.join('') +
    '</urlset>\n'
  );
}

/** The index of the sitemap files, by name. */
export function sitemapIndexXml(files: readonly string[], site: URL): string {
  const entries = [...files].sort().map((file) => `<sitemap><loc>${escapeXml(absolute(sitemapFilePath(file), site))}</loc></sitemap>`);
  return '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + entries.join('') + '</sitemapindex>\n';
}

export function robotsTxt(site: URL): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${new URL(SITEMAP_INDEX, site).href}`, ''].join('\n');
}
