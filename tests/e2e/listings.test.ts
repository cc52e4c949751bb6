import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { languages } from '../../src/lib/i18n/index.ts';
import { launchChromium, navigate } from '../support/browser.ts';
import { fixture } from '../support/fixture-content.ts';
import { readBuiltPages, type BuiltPage } from '../support/site-files.ts';

/** The archive and sections by month, their old addresses and the ends of stories, on the fixture site. */
const fixtureUrl = inject('fixtureUrl');
const fixtureDir = inject('fixtureDir');

let browser: Browser;
let page: Page;
let pages: BuiltPage[];
beforeAll(async () => {
  [browser, pages] = await Promise.all([launchChromium(), readBuiltPages(fixtureDir)]);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const storyLinks = (p: BuiltPage) => p.root.querySelectorAll('[data-story-list] h2 a, [data-story-list] h3 a').map((a) => a.getAttribute('href')!);

describe('the archive by month', () => {
  it('holds every story of a language exactly once across its month pages, each in its own Bangkok month', () => {
    for (const lang of languages) {
      const monthPages = pages.filter((p) => new RegExp(`^/${lang}/archive/\\d{4}/\\d{2}/(\\d+/)?$`).test(p.path));
      const listed = monthPages.flatMap(storyLinks);
      const stories = pages.filter((p) => new RegExp(`^/${lang}/articles/[^/]+/$`).test(p.path) && p.root.querySelector('[data-body]'));
      expect(listed.length, lang).toBe(new Set(listed).size);
      expect(new Set(listed), lang).toEqual(new Set(stories.map((p) => p.path)));
      for (const monthPage of monthPages) {
        const [, year, month] = /\/(\d{4})\/(\d{2})\//.exec(monthPage.path)!;
        for (const time of monthPage.root.querySelectorAll('[data-story-list] time')) {
          const bangkok = new Date(new Date(time.getAttribute('datetime')!).getTime() + 7 * 3600_000);
          expect(`${bangkok.getUTCFullYear()}-${String(bangkok.getUTCMonth() + 1).padStart(2, '0')}`, monthPage.path).toBe(`${year}-${month}`);
        }
      }
    }
  });

  it('opens on the latest stories under their months, and leads down month by month and to the years', async () => {
    await page.goto(`${fixtureUrl}/th/archive/`);
    const months = await page.locator('[data-latest-month] h2 a').allTextContents();
    expect(months.slice(0, 2).map((m) => m.trim())).toEqual(['พฤษภาคม 2568', 'เมษายน 2568']);
    const years = (await page.locator('[data-years] a').allTextContents()).map((y) => y.replace(/\s+/g, ' ').trim());
    expect(years).toEqual(['พ.ศ. 2568 (7 เรื่อง)', 'พ.ศ. 2567 (45 เรื่อง)', 'พ.ศ. 2566 (3 เรื่อง)']);
    await navigate(page, `${fixtureUrl}/th/archive/2024/01/`, () => page.click('[data-older-month]'));
    expect(await page.textContent('h1')).toContain('มกราคม 2567');
    await navigate(page, `${fixtureUrl}/th/archive/2023/09/`, () => page.click('[data-older-month]'));
    await navigate(page, `${fixtureUrl}/th/archive/2024/01/`, () => page.click('[data-newer-month]'));
    await navigate(page, `${fixtureUrl}/th/archive/2024/`, () => page.click('[data-year-link]'));
    const months2024 = await page.locator('[data-year-months] li').allTextContents();
    expect(months2024).toHaveLength(12);
    expect(months2024[0]).toContain('มกราคม');
    expect(months2024[0]).toContain('27 เรื่อง');
    expect(await page.locator('[data-year-months] a').count()).toBe(3);
    await navigate(page, `${fixtureUrl}/th/archive/2025/`, () => page.click('[data-newer-year]'));
  });

  it('names months and years in English on English pages', async () => {
    await page.goto(`${fixtureUrl}/en/archive/2024/`);
    expect(await page.textContent('h1')).toContain('2024');
    expect(await page.locator('[data-year-months] a').first().textContent()).toContain('January');
    await page.goto(`${fixtureUrl}/en/archive/2024/02/`);
    expect(await page.textContent('h1')).toContain('February 2024');
    expect(await page.getAttribute('[data-lang-switch]', 'href')).toBe('/th/archive/2024/02/');
  });

  it('keeps the old numbered pages as pages that point into the months, out of search engines', async () => {
    for (const path of ['/th/archive/2/', '/th/archive/3/', '/en/archive/2/', '/th/sections/politics/2/']) {
      const response = await page.goto(`${fixtureUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await page.locator('[data-listing-moved]').count(), path).toBe(1);
      expect(await page.getAttribute('meta[name="robots"]', 'content'), path).toBe('noindex');
      // Nothing on it changes with the stories, so a publish never rewrites it.
      expect(await page.locator('[data-listing-moved] ~ ul a').count(), path).toBe(2);
    }
    expect(await page.getAttribute('[data-listing-moved] ~ ul a >> nth=0', 'href')).toBe('/th/sections/politics/');
    await navigate(page, `${fixtureUrl}/th/sections/politics/#by-year-heading`, () => page.click('[data-listing-moved] ~ ul a >> nth=1'));
    expect(await page.locator('[data-years] a[href*="/20"]').count()).toBeGreaterThan(1);
  });
});

describe('sections by month', () => {
  it('list a section’s months with its menu, and only its stories', async () => {
    await page.goto(`${fixtureUrl}/th/sections/politics/`);
    expect(await page.locator('nav [aria-current="page"]').textContent()).toContain('การเมือง');
    await navigate(page, `${fixtureUrl}/th/sections/politics/2025/05/`, () => page.click('[data-latest-month] h2 a >> nth=0'));
    await navigate(page, `${fixtureUrl}/th/sections/politics/2025/`, () => page.click('[data-year-link]'));
    const section = pages.filter((p) => p.path.startsWith('/th/sections/economy/2025/01/'));
    expect(section.flatMap(storyLinks)).toEqual([`/th/articles/${fixture.thaiOnly}/`]);
  });
});

describe('topics by month', () => {
  it('list every story of a topic once across its month pages, in each language', () => {
    const { id } = fixture.mappedTopic;
    for (const [lang, count] of [
      ['th', fixture.generatedCount],
      ['en', fixture.generatedCount / 2],
    ] as const) {
      const listed = pages.filter((p) => new RegExp(`^/${lang}/topics/${id}/\\d{4}/\\d{2}/(\\d+/)?$`).test(p.path)).flatMap(storyLinks);
      expect(listed.length, lang).toBe(count);
      expect(new Set(listed).size, lang).toBe(count);
    }
  });
});

describe('the end of a story', () => {
  const end = (path: string) => pages.find((p) => p.path === path)!.root;

  it('offers the next older story and the section’s stories just older, none newer', () => {
    const root = end(`/th/articles/${fixture.generatedSlug(10)}/`);
    expect(root.querySelector('[data-next-story] a')?.getAttribute('href')).toBe(`/th/articles/${fixture.generatedSlug(9)}/`);
    expect(root.querySelectorAll('[data-more-from-section] [data-story-list] a[href*="/articles/"]').map((a) => a.getAttribute('href'))).toEqual(
      [8, 7, 6, 5].map((n) => `/th/articles/${fixture.generatedSlug(n)}/`),
    );
  });

  it('leaves the oldest story with no next story (no wrap-around), but with its section', () => {
    // The fixture's oldest story (1 March 2023).
    const oldest = end(`/th/articles/${fixture.searchCases[0].slug}/`);
    expect(oldest.querySelector('[data-next-story]')).toBeNull();
    expect(oldest.querySelector('[data-more-from-section] a[href*="/sections/"]')).not.toBeNull();
  });
});

describe('the sitemap', () => {
  it('lists each month’s stories in a file of their own, and the listings in another, under the index', async () => {
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const index = locs(await readFile(join(fixtureDir, 'sitemap-index.xml'), 'utf8'));
    expect(index).toContain('/sitemaps/listings.xml');
    expect(index).toContain('/sitemaps/stories-2024-01.xml');
    const january = locs(await readFile(join(fixtureDir, 'sitemaps/stories-2024-01.xml'), 'utf8'));
    // Generated stories 1–27, each in Thai, the odd ones also in English and side by side in both languages.
    expect(january.filter((path) => /^\/th\/articles\/[^/]+\/$/.test(path))).toHaveLength(27);
    expect(january.filter((path) => /\/side-by-side\/$/.test(path))).toHaveLength(28);
    expect(january.every((path) => path.includes('/articles/generated-story-'))).toBe(true);
    const listings = locs(await readFile(join(fixtureDir, 'sitemaps/listings.xml'), 'utf8'));
    expect(listings).toContain('/th/archive/2024/01/2/');
    expect(listings.some((path) => path.includes('/articles/'))).toBe(false);
    expect(listings).not.toContain('/th/archive/2/');
  });
});
