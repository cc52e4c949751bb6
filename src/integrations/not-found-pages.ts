import { rename, rmdir } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { languages } from '../lib/i18n/languages.ts';
import { notFoundPath } from '../lib/not-found.ts';

/**
 * Astro writes src/pages/[lang]/404.astro as /th/404/index.html (only the root 404 becomes a file);
 * static hosts look for a file named 404.html, so it is moved to /th/404.html. Its links are absolute.
 */
export function notFoundPages(): AstroIntegration {
  return {
    name: 'news-not-found-pages',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        for (const lang of languages) {
          const folder = new URL(`./${lang}/404/`, dir);
          await rename(new URL('index.html', folder), new URL(`.${notFoundPath(lang)}`, dir));
          await rmdir(folder);
        }
      },
    },
  };
}
