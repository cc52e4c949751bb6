import { toBangkokIso } from '../dates.ts';
import { htmlLang, ui } from '../i18n/index.ts';
import { homePath } from '../urls.ts';
import type { ArticleMeta, VersionRef } from './article-meta.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonLd = { [key: string]: JsonValue };

const absolute = (path: string, site: URL) => new URL(path, site).href;

/** Another version of the same story, by the URL that is its @id. */
function versionRef(version: VersionRef, site: URL): JsonLd {
  const url = absolute(version.path, site);
  return { '@type': 'NewsArticle', '@id': url, url, inLanguage: htmlLang[version.lang] };
}

/**
 * schema.org NewsArticle for one version of a story. A rendering names its original with
 * translationOfWork (and isBasedOn, which more consumers read); an original lists its renderings
 * with workTranslation. Bylines are mostly desks and agencies, so authors are Organizations.
 */
export function newsArticleJsonLd(article: ArticleMeta, site: URL): JsonLd {
  const t = ui(article.lang);
  const url = absolute(article.path, site);
  const data: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: article.title,
    description: article.summary,
    inLanguage: htmlLang[article.lang],
    datePublished: toBangkokIso(article.published),
    dateModified: toBangkokIso(article.modified),
    articleSection: article.section,
    image: [absolute(article.card, site), ...(article.photo ? [absolute(article.photo.src, site)] : [])],
    author: article.authors.map((name) => ({ '@type': 'Organization', name })),
    publisher: { '@type': 'Organization', name: t.siteName, url: absolute(homePath(article.lang), site) },
  };
  if (article.corrections.length > 0) {
    data['correction'] = article.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: toBangkokIso(c.date) }));
  }
  if (article.tags.length > 0) data['keywords'] = article.tags.join(', ');
  if (article.translator) data['translator'] = { '@type': 'Organization', name: article.translator };
  if (article.original) {
    data['translationOfWork'] = versionRef(article.original, site);
    data['isBasedOn'] = absolute(article.original.path, site);
  } else if (article.others.length > 0) {
    data['workTranslation'] = article.others.map((v) => versionRef(v, site));
  }
  return data;
}

/**
 * JSON for a <script type="application/ld+json"> block. The HTML parser ends the script at the first
 * "</script" whatever the JSON says, so "<" (and, for good measure, ">", "&" and the two JavaScript
 * line separators) are written as \u escapes, which JSON reads back as the same characters.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
