import { toBangkokIso } from '../dates.ts';
import { ogLocale, ui } from '../i18n/index.ts';
import type { PageView } from '../page-view.ts';
import { OG_HEIGHT, OG_WIDTH } from '../og/card.ts';

/** One <meta>: Open Graph uses property="og:…", Twitter name="twitter:…". */
export interface MetaTag {
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

/** Open Graph and Twitter card tags of a page, from its view; URLs are made absolute against the site. */
export function socialMetaTags(view: PageView, site: URL): MetaTag[] {
  const t = ui(view.lang);
  const og = (key: string, content: string): MetaTag => ({ attribute: 'property', key, content });
  const image = new URL(view.ogImage, site).href;
  const article = view.article;
  const tags: MetaTag[] = [
    og('og:site_name', t.siteName),
    og('og:type', article ? 'article' : 'website'),
    og('og:title', view.title),
    og('og:description', view.description),
    og('og:url', new URL(view.path, site).href),
    og('og:locale', ogLocale[view.lang]),
    ...(view.alternatePath ? [og('og:locale:alternate', ogLocale[view.otherLang])] : []),
    og('og:image', image),
    og('og:image:type', 'image/png'),
    og('og:image:width', String(OG_WIDTH)),
    og('og:image:height', String(OG_HEIGHT)),
    og('og:image:alt', article ? article.title : t.siteName),
  ];
  if (article) {
    tags.push(
      og('article:published_time', toBangkokIso(article.published)),
      og('article:modified_time', toBangkokIso(article.modified)),
      og('article:section', article.section),
      ...article.tags.map((tag) => og('article:tag', tag)),
    );
  }
  // X reads og:title, og:description, og:image and og:image:alt when its own tags are absent: only
  // the card type has no Open Graph equivalent, so the rest would be the same text twice on every page.
  tags.push({ attribute: 'name', key: 'twitter:card', content: 'summary_large_image' });
  return tags;
}
