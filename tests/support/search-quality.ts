import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { readArticleFile } from '../../src/lib/importer/article-file.ts';
import { searchStories } from '../../src/lib/search/engine.ts';
import { comparable, parseQuery } from '../../src/lib/search/query.ts';
import { loadAllData, openPagefind, readFragment, siteSearchBundles } from './search-driver.ts';

export interface StoryText {
  slug: string;
  texts: Partial<Record<'th' | 'en', string>>;
}

/** Every story of a content folder as plain text (title, dek, paragraphs), per language; folders may be nested (content/articles/sample/<slug>/). */
export function readStoryTexts(articlesDir: string): StoryText[] {
  const stories: StoryText[] = [];
  for (const slug of readdirSync(articlesDir)) {
    const hasStory = ['th', 'en'].some((lang) => existsSync(join(articlesDir, slug, `${lang}.mdx`)));
    if (!hasStory) {
      if (statSync(join(articlesDir, slug)).isDirectory()) stories.push(...readStoryTexts(join(articlesDir, slug)));
      continue;
    }
    const story: StoryText = { slug, texts: {} };
    for (const lang of ['th', 'en'] as const) {
      const file = join(articlesDir, slug, `${lang}.mdx`);
      if (!existsSync(file)) continue;
      const { frontmatter, paragraphs } = readArticleFile(readFileSync(file, 'utf8'));
      story.texts[lang] = [String(frontmatter['title'] ?? ''), String(frontmatter['summary'] ?? ''), ...paragraphs].join('\n');
    }
    stories.push(story);
  }
  return stories;
}

const LATIN_TERM = /^[\p{Script=Latin}\d\s.\-']+$/u;

/**
 * Ground truth from the text itself: a story is relevant when its text contains every term of the
 * query. Thai has no spaces between words, so a Thai term is found anywhere in the text; a Latin
 * term where a word starts ("nuclear" in "nuclear-powered", not "power" in "superpower").
 */
export function isRelevant(story: StoryText, rawQuery: string): boolean {
  const terms = parseQuery(rawQuery).terms.map((t) => comparable(t.text));
  const text = comparable(Object.values(story.texts).join('\n'));
  return terms.every((term) => {
    if (!LATIN_TERM.test(term)) return text.includes(term);
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}`, 'u').test(text);
  });
}

export interface QualityRow {
  query: string;
  relevant: number;
  found: number;
  correct: number;
  recall: number;
  precision: number;
}

function row(query: string, truth: Set<string>, got: Set<string>): QualityRow {
  const correct = [...got].filter((s) => truth.has(s)).length;
  return {
    query,
    relevant: truth.size,
    found: got.size,
    correct,
    recall: truth.size === 0 ? 1 : correct / truth.size,
    precision: got.size === 0 ? (truth.size === 0 ? 1 : 0) : correct / got.size,
  };
}

export function truthFor(stories: StoryText[], query: string): Set<string> {
  return new Set(stories.filter((s) => isRelevant(s, query)).map((s) => s.slug));
}

/**
 * The site's own search (both languages, one result per story), each query in a fresh page.
 * With the built site's folder, results are identified from its fragment files (fast); without, through the browser.
 */
export async function measureSiteSearch(browser: Browser, siteUrl: string, stories: StoryText[], queries: string[], siteDir?: string): Promise<QualityRow[]> {
  const rows: QualityRow[] = [];
  const bundles = await siteSearchBundles(siteUrl);
  for (const query of queries) {
    const { api, chunkStarts, page } = await openPagefind(browser, `${siteUrl}/th/search/`, bundles);
    const outcome = await searchStories(api, chunkStarts, query, 'all');
    const ids = outcome.results.map((r) => r.id);
    const data = siteDir ? ids.map((id) => readFragment(siteDir, id, bundles)) : await loadAllData(page, ids);
    const found = new Set(data.map((d) => d.meta['story'] ?? ''));
    rows.push(row(query, truthFor(stories, query), found));
    await page.close();
  }
  return rows;
}

/** Plain Pagefind defaults over the same pages (its own Thai word splitter, one index per language). */
export async function measureDefaultPagefind(browser: Browser, siteUrl: string, bundle: string, stories: StoryText[], queries: string[]): Promise<QualityRow[]> {
  const rows: QualityRow[] = [];
  for (const query of queries) {
    const lang = /[\u0E00-\u0E7F]/.test(query) ? 'th' : 'en';
    const { api, page } = await openPagefind(browser, `${siteUrl}/${lang}/`, bundle);
    const response = await api.search(query);
    const data = await loadAllData(page, (response?.results ?? []).map((r) => r.id));
    const got = new Set(data.map((d) => /\/articles\/([^/]+)\//.exec(d.url)?.[1] ?? d.url));
    rows.push(row(query, truthFor(stories, query), got));
    await page.close();
  }
  return rows;
}

export function mean(rows: QualityRow[], key: 'recall' | 'precision'): number {
  return rows.reduce((sum, r) => sum + r[key], 0) / Math.max(1, rows.length);
}
