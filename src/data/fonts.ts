import type { Lang } from '../lib/i18n/languages.ts';
import type { PageView } from '../lib/page-view.ts';
import englishText from '@fontsource-variable/noto-sans-thai/files/noto-sans-thai-latin-wght-normal.woff2?url';
import thaiHeadings from '@fontsource-variable/noto-sans-thai/files/noto-sans-thai-thai-wght-normal.woff2?url';
import thaiBody from '@fontsource-variable/noto-sans-thai-looped/files/noto-sans-thai-looped-thai-wght-normal.woff2?url';

/**
 * Fonts worth fetching before the stylesheet asks for them: the ones the first screen of a page in
 * that language is set in. Thai pages need the Thai interface face and the Latin subset, which holds
 * their spaces, digits and punctuation, and a Thai story the looped body face too; English pages the
 * Latin subset and the Thai one, for the language switch in the bar. A face found only through the
 * stylesheet arrives after the first paint and its swap reflows the bar and everything below it
 * (layout shift); a face preloaded but not used costs its bytes for nothing.
 */
export function fontPreloads(lang: Lang, kind: PageView['kind']): string[] {
  if (lang === 'en') return [englishText, thaiHeadings];
  const storyText = kind === 'article' || kind === 'side-by-side';
  return storyText ? [thaiHeadings, thaiBody, englishText] : [thaiHeadings, englishText];
}
