import { languages } from '../i18n/languages.ts';
import { searchPath } from '../urls.ts';

/**
 * @astrojs/sitemap pairs /th/<path> and /en/<path> and writes each pair as xhtml:link alternates,
 * only when both pages exist (a Thai-only story gets none). "/" (the language chooser) has no
 * language prefix, so it falls to the default locale: naming that x-default links it with /th/ and
 * /en/ as the chooser it is.
 */
export const sitemapI18n = {
  defaultLocale: 'x-default',
  locales: { ...Object.fromEntries(languages.map((l) => [l, l])), 'x-default': 'x-default' },
};

export const SITEMAP_INDEX = '/sitemap-index.xml';

/**
 * Pages worth listing: every page, but not feeds and images (which Astro lists too), the search
 * pages (no content of their own) or the not-found pages.
 */
export function inSitemap(url: string): boolean {
  const path = new URL(url).pathname;
  return path.endsWith('/') && !languages.some((l) => path === searchPath(l)) && !/\/404\/$/.test(path);
}

export function robotsTxt(site: URL): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${new URL(SITEMAP_INDEX, site).href}`, ''].join('\n');
}
