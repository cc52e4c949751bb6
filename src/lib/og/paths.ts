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

/**
 * Whether each story gets its own card. On by default; NEWS_SOCIAL_CARDS=off makes every page use
 * its language's site card instead, which the tests use for the 3,300-story corpus build, where
 * drawing a card per story would add minutes and prove nothing the seed and fixture sites do not.
 */
export function storyCardsEnabled(): boolean {
  return process.env['NEWS_SOCIAL_CARDS'] !== 'off';
}
