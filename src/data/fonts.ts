import type { Lang } from '../lib/i18n/languages.ts';
import englishText from '@fontsource-variable/noto-sans-thai/files/noto-sans-thai-latin-wght-normal.woff2?url';
import thaiHeadings from '@fontsource-variable/noto-sans-thai/files/noto-sans-thai-thai-wght-normal.woff2?url';
import thaiBody from '@fontsource-variable/noto-sans-thai-looped/files/noto-sans-thai-looped-thai-wght-normal.woff2?url';

/**
 * Fonts worth fetching before the stylesheet asks for them: the ones the first screen of a page in
 * that language is set in. Thai pages need the Thai faces (headline and body); English pages only
 * the Latin subset. Everything else loads on demand (font-display: swap).
 */
export function fontPreloads(lang: Lang): string[] {
  return lang === 'th' ? [thaiHeadings, thaiBody] : [englishText];
}
