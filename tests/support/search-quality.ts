import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { readArticleFile } from '../../src/lib/importer/article-file.ts';
import { DEFAULT_SEARCH_OPTIONS, searchStories } from '../../src/lib/search/engine.ts';
import { normalizeForSearch } from '../../src/lib/search/text.ts';
import { loadAllData, readFragment, searchSession, siteSearchBundles } from './search-driver.ts';

export interface StoryTexts {
  slug: string;
  texts: Partial<Record<'th' | 'en', string>>;
}

/** Every story of a content folder as plain text (title, dek, paragraphs), per language; folders may be nested (content/articles/sample/<slug>/). */
export function readStoryTexts(articlesDir: string): StoryTexts[] {
  const stories: StoryTexts[] = [];
  for (const slug of readdirSync(articlesDir)) {
    const hasStory = ['th', 'en'].some((lang) => existsSync(join(articlesDir, slug, `${lang}.mdx`)));
    if (!hasStory) {
      if (statSync(join(articlesDir, slug)).isDirectory()) stories.push(...readStoryTexts(join(articlesDir, slug)));
      continue;
    }
    const story: StoryTexts = { slug, texts: {} };
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

/*
 * Ground truth, written from the definition (/work/shared/notes/thai-clusters.md) and not from the
 * index code, so that the two check each other.
 */
const LEADING = /[เแโใไ]/;
const MARK_OR_FOLLOWING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0E30\u0E32\u0E33\u0E45]/;
const SILENT_FINAL = /^[ก-ฮ]{1,2}[ิุ]?์/;
const ENDS_ON_VOWEL = /[ะา-ูๅ][่-๋]*$/;
const THAI = /[\u0E00-\u0E7F]/;
const LATIN_WORD_CHAR = /[\p{Script=Latin}\p{N}]/u;

/** Whether a normalised, lower-cased text holds one query part (normalised, lower case). */
function holdsPart(text: string, part: string): boolean {
  const thai = THAI.test(part);
  for (let s = text.indexOf(part); s >= 0; s = text.indexOf(part, s + 1)) {
    const e = s + part.length;
    if (!thai) {
      if (s === 0 || !LATIN_WORD_CHAR.test(text[s - 1]!)) return true;
      continue;
    }
    const startOk = !(s > 0 && LEADING.test(text[s - 1]!)) && !MARK_OR_FOLLOWING.test(text[s]!);
    const rest = text.slice(e, e + 4);
    const silent = SILENT_FINAL.test(rest);
    const endOk = e === text.length || (!MARK_OR_FOLLOWING.test(text[e]!) && (!silent || ENDS_ON_VOWEL.test(part)));
    if (startOk && endOk) return true;
  }
  return false;
}

// Normalising thousands of stories' text again for every query took most of the time of a quality run.
const normalized = new WeakMap<StoryTexts, string>();
function searchableText(story: StoryTexts): string {
  let text = normalized.get(story);
  if (text === undefined) {
    text = normalizeForSearch(Object.values(story.texts).join('\n')).toLowerCase();
    normalized.set(story, text);
  }
  return text;
}

/**
 * A story is relevant when its text (any version) holds every part of the query (split at spaces);
 * for a query of Latin and digit parts only, also when it holds the parts written together.
 */
export function isRelevant(story: StoryTexts, rawQuery: string): boolean {
  const text = searchableText(story);
  const parts = normalizeForSearch(rawQuery)
    .toLowerCase()
    .split(/\s+/)
    .map((p) => (THAI.test(p) ? p : p.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')))
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
  if (parts.length === 0) return false;
  if (parts.every((p) => holdsPart(text, p))) return true;
  return parts.length > 1 && !parts.some((p) => THAI.test(p)) && holdsPart(text, parts.join(''));
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

export function truthFor(stories: StoryTexts[], query: string): Set<string> {
  return new Set(stories.filter((s) => isRelevant(s, query)).map((s) => s.slug));
}

/**
 * The site's own search (both languages, one result per story), queries sharing a page (searchSession).
 * With the built site's folder, results are identified from its fragment files (fast); without, through the browser.
 */
export async function measureSiteSearch(browser: Browser, siteUrl: string, stories: StoryTexts[], queries: string[], siteDir?: string): Promise<QualityRow[]> {
  const rows: QualityRow[] = [];
  const bundles = await siteSearchBundles(siteUrl);
  const session = searchSession(browser, `${siteUrl}/th/search/`, bundles);
  for (const query of queries) {
    const found = await session.run(async ({ api, chunkStarts, page }) => {
      // Every bundle merged, as the search page has them once the reader asks for every year.
      const ids = (await searchStories(api, chunkStarts, query, { ...DEFAULT_SEARCH_OPTIONS, bundles })).results.map((r) => r.id);
      const data = siteDir ? ids.map((id) => readFragment(siteDir, id, bundles)) : await loadAllData(page, ids);
      return new Set(data.map((d) => d.meta['story'] ?? ''));
    });
    rows.push(row(query, truthFor(stories, query), found));
  }
  await session.close();
  if (session.retried > 0) console.log(`[search-quality] ${session.retried} of ${queries.length} queries ran again in a fresh page`);
  return rows;
}

/** Plain Pagefind defaults over the same pages (its own Thai word splitter, one index per language). */
export async function measureDefaultPagefind(
  browser: Browser,
  siteUrl: string,
  bundle: string,
  stories: StoryTexts[],
  queries: string[],
): Promise<QualityRow[]> {
  const rows: QualityRow[] = [];
  // Plain Pagefind picks its index by the page's language: one session per language.
  const sessions = { th: searchSession(browser, `${siteUrl}/th/`, bundle), en: searchSession(browser, `${siteUrl}/en/`, bundle) };
  for (const query of queries) {
    const lang = /[\u0E00-\u0E7F]/.test(query) ? 'th' : 'en';
    const got = await sessions[lang].run(async ({ api, page }) => {
      const response = await api.search(query);
      const data = await loadAllData(
        page,
        (response?.results ?? []).map((r) => r.id),
      );
      return new Set(data.map((d) => /\/articles\/([^/]+)\//.exec(d.url)?.[1] ?? d.url));
    });
    rows.push(row(query, truthFor(stories, query), got));
  }
  await Promise.all([sessions.th.close(), sessions.en.close()]);
  return rows;
}

export function mean(rows: QualityRow[], key: 'recall' | 'precision'): number {
  return rows.reduce((sum, r) => sum + r[key], 0) / Math.max(1, rows.length);
}
