import type { Lang } from '../i18n/languages.ts';
import { articlePath, homePath } from '../urls.ts';

/** The social card of a story version, beside its page: /th/articles/<slug>/og.png. */
export function articleCardPath(lang: Lang, slug: string): string {
  return `${articlePath(lang, slug)}og.png`;
}

/** The language's site card, shown for pages that have no card of their own: /th/og.png. */
export function siteCardPath(lang: Lang): string {
  return `${homePath(lang)}og.png`;
}
