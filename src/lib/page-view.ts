import { otherLang, type Lang } from './i18n/languages.ts';
import { siteCardPath } from './og/paths.ts';
import type { ArticleMeta } from './seo/article-meta.ts';

/**
 * Everything a page's chrome needs to know, computed once per page (as Starlight does) so that
 * components only read it: the language, the same page in the other language (or null), and
 * whether the page is a rendering of an original in the other language.
 */
export interface PageView {
  lang: Lang;
  otherLang: Lang;
  /** This page's path, e.g. /th/articles/putin-visits-china/. */
  path: string;
  /** The document title without the site name. */
  title: string;
  description: string;
  /** The same page in the other language, or null when it does not exist there. */
  alternatePath: string | null;
  /** True when the page shows a translation of an original in the other language. */
  isRendering: boolean;
  /**
   * What kind of page this is, for styling and tests. A `moved` page stands at an address that is no
   * longer a page of its own (an old listing page, a renamed story's former slug) and points on.
   */
  kind: 'home' | 'article' | 'side-by-side' | 'section' | 'archive' | 'topic' | 'topics' | 'search' | 'not-found' | 'moved';
  /** On a translated story, its side-by-side view; null elsewhere. */
  sideBySidePath: string | null;
  /** On the side-by-side view, the story in each language on its own. */
  versionPaths: { lang: Lang; path: string }[];
  /** The page's social image (a site path): the story's own card, else the language's site card. */
  ogImage: string;
  /** On a story page, what its metadata (Open Graph, JSON-LD) says about the story; null elsewhere. */
  article: ArticleMeta | null;
}

export function createPageView(input: {
  lang: Lang;
  path: string;
  title: string;
  description: string;
  alternatePath: string | null;
  kind: PageView['kind'];
  isRendering?: boolean;
  article?: ArticleMeta;
  sideBySidePath?: string | null;
  versionPaths?: { lang: Lang; path: string }[];
}): PageView {
  return {
    lang: input.lang,
    otherLang: otherLang(input.lang),
    path: input.path,
    title: input.title,
    description: input.description,
    alternatePath: input.alternatePath,
    isRendering: input.isRendering ?? false,
    kind: input.kind,
    sideBySidePath: input.sideBySidePath ?? null,
    versionPaths: input.versionPaths ?? [],
    ogImage: input.article?.card ?? siteCardPath(input.lang),
    article: input.article ?? null,
  };
}

/** The view of a page that has the same place in both languages (the front page, the topics, search): one function gives its path in either. */
export function pageInBothLanguages(input: {
  kind: PageView['kind'];
  lang: Lang;
  pathIn: (lang: Lang) => string;
  title: string;
  description: string;
}): PageView {
  const { pathIn, ...page } = input;
  return createPageView({ ...page, path: pathIn(input.lang), alternatePath: pathIn(otherLang(input.lang)) });
}

/** The page of a listing to link to in the other language: the same page, or its last one if it has fewer. */
export function clampPage(page: number, pagesInOtherLanguage: number): number {
  return Math.max(1, Math.min(page, pagesInOtherLanguage));
}
