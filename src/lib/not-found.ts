import { defaultLang, isLang, otherLang, type Lang } from './i18n/languages.ts';
import { articlePath, langOfPath, parseArticlePath } from './urls.ts';

/**
 * Static hosts serve the nearest 404.html for a missing URL (Cloudflare Pages) or can be told to
 * (nginx error_page, Netlify _redirects "/th/* /th/404.html 404"): so each language has one as a file,
 * not as a /th/404/ folder. /404.html at the root shows both languages.
 */
export function notFoundPath(lang: Lang): string {
  return `/${lang}/404.html`;
}

/** Where "/" keeps the reader's choice of language (see public/redirect-to-language.js). */
export const LANGUAGE_CHOICE_KEY = 'preferred-language';

/**
 * The language to show first on a not-found page: that of the missing URL, else the reader's earlier
 * choice, else the first Thai or English locale the browser prefers, else Thai (as "/" decides).
 */
export function readerLanguage(pathname: string, stored: string | null, preferred: readonly string[]): Lang {
  const fromPath = langOfPath(pathname);
  if (fromPath) return fromPath;
  if (isLang(stored)) return stored;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('th')) return 'th';
    if (lower.startsWith('en')) return 'en';
  }
  return defaultLang;
}

/**
 * A missing story page, /en/articles/<slug>/, may be a story that exists only in the other language:
 * the page of that version, to look for. Null for any other URL.
 */
export function otherVersionOf(pathname: string): { lang: Lang; path: string } | null {
  const page = parseArticlePath(pathname);
  if (!page) return null;
  const lang = otherLang(page.lang);
  return { lang, path: articlePath(lang, page.slug) };
}
