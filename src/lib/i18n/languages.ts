/** The two languages the site publishes in. Thai is the source language of nearly every story. */
export const languages = ['th', 'en'] as const;
export type Lang = (typeof languages)[number];

export const defaultLang: Lang = 'th';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function otherLang(lang: Lang): Lang {
  return lang === 'th' ? 'en' : 'th';
}

/** BCP 47 tags for <html lang>, hreflang and Intl. */
export const htmlLang: Record<Lang, string> = { th: 'th', en: 'en' };

/** Open Graph locales (og:locale uses underscores). */
export const ogLocale: Record<Lang, string> = { th: 'th_TH', en: 'en_US' };
