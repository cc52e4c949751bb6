import type { RSSFeedItem } from '@astrojs/rss';
import { toBangkokIso } from '../dates.ts';
import { htmlLang, type Lang } from '../i18n/languages.ts';
import type { ArticleMeta } from '../seo/article-meta.ts';

/** How many of the newest stories a feed carries. */
export const FEED_SIZE = 50;

export function feedPath(lang: Lang): string {
  return `/${lang}/rss.xml`;
}

/** Namespaces the feed's extra elements use: atom:link for self and alternates, dc:creator for bylines. */
export const feedNamespaces = { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' };

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}

/** RSS wants RFC 822 dates and an e-mail in <author>; bylines go in dc:creator instead. */
export function feedItem(article: ArticleMeta, site: URL): RSSFeedItem {
  const creators = article.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`);
  // The same story in the other language, as Atom's alternate link with its language.
  const alternates = article.others.map(
    (v) => `<atom:link rel="alternate" hreflang="${htmlLang[v.lang]}" type="text/html" href="${escapeXml(new URL(v.path, site).href)}"/>`,
  );
  // RSS has no date of change: Atom's <updated> marks a story updated or corrected since it was published.
  const updated = article.modified > article.published ? [`<atom:updated>${toBangkokIso(article.modified)}</atom:updated>`] : [];
  return {
    title: article.title,
    link: new URL(article.path, site).href,
    description: article.summary,
    pubDate: article.published,
    categories: [article.section],
    customData: [...creators, ...alternates, ...updated].join(''),
  };
}

/** Channel elements beyond title, link and description: its language, its own URL, and its date. */
export function channelData(lang: Lang, site: URL, newest: Date | undefined): string {
  const self = new URL(feedPath(lang), site).href;
  return (
    `<language>${htmlLang[lang]}</language>` +
    (newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '') +
    `<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`
  );
}
