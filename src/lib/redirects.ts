import type { Lang } from './i18n/languages.ts';
import { articlePath, sideBySidePath } from './urls.ts';

/** A former address of a renamed story and where it leads now. */
export interface Redirect {
  from: string;
  to: string;
  lang: Lang;
}

/**
 * Every former address of the stories: each former slug's page in each language the story has, and
 * its side-by-side pages when it has both. Ordered by former address, so the file is the same on every build.
 */
export function formerAddresses(stories: readonly { slug: string; languages: readonly Lang[]; formerSlugs: readonly string[] }[]): Redirect[] {
  const redirects: Redirect[] = [];
  for (const story of stories) {
    for (const former of story.formerSlugs) {
      for (const lang of story.languages) {
        redirects.push({ from: articlePath(lang, former), to: articlePath(lang, story.slug), lang });
        if (story.languages.length > 1) redirects.push({ from: sideBySidePath(lang, former), to: sideBySidePath(lang, story.slug), lang });
      }
    }
  }
  return redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The `_redirects` file of Netlify and Cloudflare Pages: one permanent (301) redirect a line. */
export function redirectsFile(redirects: readonly Redirect[]): string {
  return redirects.map(({ from, to }) => `${from} ${to} 301\n`).join('');
}
