import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { parse } from 'node-html-parser';
import * as pagefind from 'pagefind';
import { isLang } from '../lib/i18n/languages.ts';
import { buildStoryRecord, SEARCH_INDEX_LANGUAGE, type StoryVersionText } from '../lib/search/record.ts';

/** Where the index is written, under the site's output folder. */
export const SEARCH_BUNDLE = 'pagefind';

/** Reads what an article page published: only its [data-pagefind-body] part, never the chrome around it. */
export function readArticlePage(html: string, url: string): (StoryVersionText & { slug: string; date: string }) | null {
  const root = parse(html);
  const article = root.querySelector('[data-pagefind-body][data-story]');
  const lang = root.querySelector('html')?.getAttribute('lang');
  if (!article || !isLang(lang)) return null;
  const text = (selector: string) => article.querySelector(selector)?.textContent.trim() ?? '';
  return {
    slug: article.getAttribute('data-story')!,
    lang,
    url,
    date: article.querySelector('time[datetime]')?.getAttribute('datetime') ?? '',
    section: article.getAttribute('data-section') ?? '',
    title: text('h1'),
    summary: text('[data-summary]'),
    body: article.querySelectorAll('[data-body] p, [data-body] li, [data-body] h2, [data-body] h3').map((p) => p.textContent.trim()),
  };
}

/** Builds the search index from the written pages: one record per story, both languages in it. */
export async function writeSearchIndex(outDir: string, pagePaths: readonly string[], logger?: Pick<AstroIntegrationLogger, 'info'>): Promise<{ stories: number }> {
  const pagesByStory = new Map<string, string[]>();
  for (const path of pagePaths) {
    const match = /^\/?(?:th|en)\/articles\/([^/]+)\/$/.exec(path);
    if (!match) continue;
    pagesByStory.set(match[1]!, [...(pagesByStory.get(match[1]!) ?? []), path.startsWith('/') ? path : `/${path}`]);
  }
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let stories = 0;
  for (const urls of pagesByStory.values()) {
    const versions: (StoryVersionText & { slug: string; date: string })[] = [];
    for (const url of urls) {
      const page = readArticlePage(await readFile(join(outDir, url, 'index.html'), 'utf8'), url);
      if (page) versions.push(page);
    }
    if (versions.length === 0) continue;
    const record = buildStoryRecord({ slug: versions[0]!.slug, date: versions[0]!.date, versions });
    // One index for both languages; Thai is already cut into words (see markThaiWordBoundaries).
    const result = await index.addCustomRecord({ ...record, language: SEARCH_INDEX_LANGUAGE });
    if (result.errors.length > 0) throw new Error(`Pagefind rejected ${record.url}: ${result.errors.join('; ')}`);
    stories++;
  }
  const written = await index.writeFiles({ outputPath: join(outDir, SEARCH_BUNDLE) });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  await pagefind.close();
  logger?.info(`search index: ${stories} stories`);
  return { stories };
}

/** Runs Pagefind through its Node API once the pages are written (as Starlight does). */
export function searchIndex(): AstroIntegration {
  return {
    name: 'news-search-index',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        await writeSearchIndex(fileURLToPath(dir), pages.map((p) => `/${p.pathname}`), logger);
      },
    },
  };
}
