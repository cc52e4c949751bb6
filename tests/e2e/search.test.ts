import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, recordDialogs } from '../support/browser.ts';
import { projectRoot } from '../support/build-site.ts';
import { seedSlugs } from '../support/content-files.ts';
import { fixture } from '../support/fixture-content.ts';
import { siteSearchBundles } from '../support/search-driver.ts';
import { readStoryTexts, truthFor } from '../support/search-quality.ts';

const seedUrl = inject('seedUrl');
const fixtureUrl = inject('fixtureUrl');
const fixtureDir = inject('fixtureDir');
const seedStories = readStoryTexts(join(projectRoot, 'content', 'articles'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a search page and waits until the search it started has finished. */
async function openSearch(url: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const dialogs = recordDialogs(page);
  // Record every aria-busy the results list takes, to see the search announce itself.
  await page.addInitScript(() => {
    const w = window as unknown as { busyStates: string[] };
    w.busyStates = [];
    new MutationObserver(() => {
      const state = document.querySelector('#search-results')?.getAttribute('aria-busy');
      if (state && w.busyStates.at(-1) !== state) w.busyStates.push(state);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
  await page.goto(url);
  if (options.javaScriptEnabled !== false) await waitForResults(page);
  return { page, dialogs };
}

async function waitForResults(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const list = document.querySelector('#search-results');
    const status = document.querySelector('#search-status')?.textContent ?? '';
    return list?.getAttribute('aria-busy') === 'false' && status !== '' && !/กำลังค้นหา|Searching/.test(status);
  });
}

async function resultStories(page: Page): Promise<string[]> {
  return page.$$eval('#search-results > li', (items) => items.map((li) => (li as HTMLElement).dataset['story'] ?? ''));
}

const seedQueries = ['ปูติน', 'รัสเซีย', 'นิวเคลียร์', 'เมียนมา', 'คว่ำบาตร', 'Putin', 'nuclear'];

describe('search on the seed site', () => {
  it('expects the stories the text says: เมียนมา only in the first seed, the rest in both', () => {
    // The two seed stories only: the shipped sample (content/articles/sample) may mention either word.
    const seeds = seedStories.filter((s) => (seedSlugs as readonly string[]).includes(s.slug));
    expect([...truthFor(seeds, 'เมียนมา')]).toEqual(['putin-praises-russia-myanmar-ties']);
    expect(truthFor(seeds, 'ปูติน').size).toBe(2);
  });

  for (const lang of ['th', 'en'] as const) {
    for (const query of seedQueries) {
      it(`finds exactly the right stories for "${query}" from the ${lang} search page`, async () => {
        const { page } = await openSearch(`${seedUrl}/${lang}/search/?q=${encodeURIComponent(query)}`);
        const expected = [...truthFor(seedStories, query)].sort();
        expect((await resultStories(page)).sort()).toEqual(expected);
        expect(await page.textContent('#search-status')).toBe(
          lang === 'th' ? `พบ ${expected.length} เรื่อง` : `${expected.length} ${expected.length === 1 ? 'story' : 'stories'} found`,
        );
        // The main link is the article page in the language the query matched, preferring the reader's.
        const queryIsThai = /[\u0E00-\u0E7F]/.test(query);
        for (const href of await page.$$eval('#search-results [data-result-link]', (as) => as.map((a) => a.getAttribute('href')))) {
          expect(href).toMatch(new RegExp(`^/${queryIsThai ? 'th' : 'en'}/articles/[a-z0-9-]+/$`));
        }
        await page.context().close();
      });
    }
  }

  it('announces the search: aria-busy true while it runs, false when done, and a polite status', async () => {
    const { page } = await openSearch(`${seedUrl}/th/search/?q=${encodeURIComponent('ปูติน')}`);
    expect(await page.evaluate(() => (window as unknown as { busyStates: string[] }).busyStates)).toEqual(['true', 'false']);
    expect(await page.getAttribute('#search-status', 'aria-live')).toBe('polite');
    expect(await page.getAttribute('#search-status', 'role')).toBe('status');
    await page.context().close();
  });

  it('highlights the matched words and links the other language version', async () => {
    const { page } = await openSearch(`${seedUrl}/en/search/?q=${encodeURIComponent('เมียนมา')}`);
    expect(await page.$$eval('#search-results mark', (m) => m.map((x) => x.textContent))).toContain('เมียนมา');
    const other = page.locator('#search-results [data-other-version]').first();
    expect(await other.getAttribute('href')).toBe('/en/articles/putin-praises-russia-myanmar-ties/');
    expect(await other.getAttribute('hreflang')).toBe('en');
    expect(await page.textContent('#search-results time')).toBe('5 March 2025');
    await page.context().close();
  });

  it('writes the query into the address as the reader types, and the back button returns to it', async () => {
    const { page } = await openSearch(`${seedUrl}/th/search/`);
    expect(await page.textContent('#search-status')).toContain('พิมพ์คำที่ต้องการค้นหา');
    await page.fill('#search-query', 'คว่ำบาตร');
    await page.waitForURL(/\?q=/);
    await waitForResults(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('คว่ำบาตร');
    expect(await resultStories(page)).toHaveLength(2);
    await page.click('#search-results [data-result-link]');
    await page.waitForURL(/\/articles\//);
    await page.goBack();
    await waitForResults(page);
    expect(await page.inputValue('#search-query')).toBe('คว่ำบาตร');
    expect(await resultStories(page)).toHaveLength(2);
    await page.context().close();
  });

  it('treats a hostile query as text: no dialog, nothing injected', async () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const { page, dialogs } = await openSearch(`${seedUrl}/th/search/?q=${encodeURIComponent(hostile)}`);
    expect(await page.inputValue('#search-query')).toBe(hostile);
    expect(await page.locator('#search-results img, #search-results script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('explains without JavaScript that search needs it', async () => {
    const { page } = await openSearch(`${seedUrl}/th/search/?q=x`, { javaScriptEnabled: false });
    expect(await page.isVisible('[data-search-needs-js]')).toBe(true);
    expect(await page.isVisible('#search-form')).toBe(false);
    await page.context().close();
  });

  it('has a search box in the header of every page; "/" focuses it and Enter opens the search page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${seedUrl}/en/articles/putin-visits-china-75-years-ties/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('nuclear');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${seedUrl}/en/search/?q=nuclear`);
    await waitForResults(page);
    expect(await resultStories(page)).toHaveLength(2);
    await context.close();
  });
});

describe('search on the fixture site', () => {
  it('has one index bundle per year, newest first, each with its own chunk starts and dates', async () => {
    const bundles = await siteSearchBundles(fixtureUrl);
    expect(bundles).toEqual(['/pagefind-2025/', '/pagefind-2024/', '/pagefind-2023/']);
    for (const bundle of bundles) {
      for (const file of ['pagefind-entry.json', 'chunk-starts.json', 'dates.json'])
        expect(existsSync(join(fixtureDir, bundle, file)), `${bundle}${file}`).toBe(true);
    }
    // The stories' files the index is built from are for the build only.
    expect(existsSync(join(fixtureDir, 'search-records'))).toBe(false);
  });

  it('goes on into older years when the newest has less than a page of results, and counts them all', async () => {
    // The generated stories are all from 2024; the newest bundle (2025) has none of them.
    const { page } = await openSearch(`${fixtureUrl}/th/search/?q=${encodeURIComponent('การเมืองทดสอบ')}`);
    expect(await page.textContent('#search-status')).toBe(`พบ ${fixture.generatedCount} เรื่อง`);
    expect(await page.isHidden('#search-all-years')).toBe(true);
    await page.context().close();
  });

  it('shows ten stories at a time with a "show more" button', async () => {
    const query = 'การเมืองทดสอบ';
    const { page } = await openSearch(`${fixtureUrl}/th/search/?q=${encodeURIComponent(query)}`);
    expect(await page.textContent('#search-status')).toBe(`พบ ${fixture.generatedCount} เรื่อง`);
    expect(await resultStories(page)).toHaveLength(10);
    for (const shown of [20, 30, 40, fixture.generatedCount]) {
      await page.click('#search-more');
      await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length === n, shown);
    }
    expect(await page.isHidden('#search-more')).toBe(true);
    expect(new Set(await resultStories(page)).size).toBe(fixture.generatedCount);
    await page.context().close();
  });

  it('filters by language: stories that can be read in English, opened in English', async () => {
    const query = 'การเมืองทดสอบ';
    const { page } = await openSearch(`${fixtureUrl}/th/search/?q=${encodeURIComponent(query)}&lang=en`);
    expect(await page.isChecked('input[name="lang"][value="en"]')).toBe(true);
    expect(await page.textContent('#search-status')).toBe(`พบ ${fixture.generatedCount / 2} เรื่อง`);
    await page.check('input[name="lang"][value="th"]');
    await page.waitForURL(/lang=th/);
    await waitForResults(page);
    expect(await page.textContent('#search-status')).toBe(`พบ ${fixture.generatedCount} เรื่อง`);
    await page.context().close();
  });

  it('finds an English-only story from the Thai page and opens it in English', async () => {
    const { page } = await openSearch(`${fixtureUrl}/th/search/?q=${encodeURIComponent('chip exports')}`);
    expect(await resultStories(page)).toEqual([fixture.englishOnly]);
    expect(await page.getAttribute('#search-results [data-result-link]', 'href')).toBe(`/en/articles/${fixture.englishOnly}/`);
    expect(await page.locator('#search-results [data-other-version]').count()).toBe(0);
    await page.context().close();
  });
});

describe('exact Thai search on the fixture site: one built story per kind of query', () => {
  for (const story of fixture.searchCases) {
    for (const query of story.queries) {
      it(`"${query}" finds ${story.slug}, and not the decoy`, async () => {
        const { page } = await openSearch(`${fixtureUrl}/th/search/?q=${encodeURIComponent(query)}`);
        const found = await resultStories(page);
        expect(found).toContain(story.slug);
        expect(found).not.toContain(fixture.searchDecoy.slug);
        await page.context().close();
      });
    }
  }

  for (const query of fixture.searchDecoy.queries) {
    it(`"${query}" does not find it inside other words (${fixture.searchDecoy.body})`, async () => {
      const { page } = await openSearch(`${fixtureUrl}/th/search/?q=${encodeURIComponent(query)}`);
      expect(await resultStories(page)).not.toContain(fixture.searchDecoy.slug);
      await page.context().close();
    });
  }

  it('highlights the query in the title and the excerpt', async () => {
    const { page } = await openSearch(`${fixtureUrl}/th/search/?q=${encodeURIComponent('ทดสอบการค้นหา ก.ล.ต.')}`);
    expect(await page.$$eval('#search-results [data-result-link] mark', (m) => m.map((x) => x.textContent))).toContain('ทดสอบการค้นหา');
    expect(await page.$$eval('#search-results p mark', (m) => m.map((x) => x.textContent))).toContain('ก.ล.ต.');
    await page.context().close();
  });
});

describe('newest first and by year, in the address', () => {
  const marker = encodeURIComponent(fixture.searchMarker);
  const datesShown = (page: Page) => page.$$eval('#search-results time', (ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
  const all = [...fixture.searchCases, fixture.searchDecoy];

  it('sorts by publication date, newest first', async () => {
    const { page } = await openSearch(`${fixtureUrl}/th/search/?q=${marker}&sort=date`);
    expect(await page.isChecked('input[name="sort"][value="date"]')).toBe(true);
    const dates = await datesShown(page);
    expect(dates).toHaveLength(all.length);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await resultStories(page)).toEqual([...all].sort((a, b) => b.date.localeCompare(a.date)).map((s) => s.slug));
    await page.context().close();
  });

  it('filters by year (Buddhist era on the Thai page), with the count to match', async () => {
    const { page } = await openSearch(`${fixtureUrl}/th/search/?q=${marker}&year=2023`);
    expect(await page.inputValue('#search-year')).toBe('2023');
    expect(await page.textContent('#search-year option:checked')).toBe('2566');
    const in2023 = all.filter((s) => s.date.startsWith('2023')).map((s) => s.slug);
    expect((await resultStories(page)).sort()).toEqual(in2023.sort());
    expect(await page.textContent('#search-status')).toBe(`พบ ${in2023.length} เรื่อง`);
    await page.context().close();
  });

  it('writes the choices into the address and reads them back, with the language filter and "show more"', async () => {
    const { page } = await openSearch(`${fixtureUrl}/th/search/?q=${encodeURIComponent('การเมืองทดสอบ')}`);
    expect(await page.textContent('#search-more')).toBe(`แสดงเพิ่มเติม (อีก ${fixture.generatedCount - 10} เรื่อง)`);
    await page.check('input[name="sort"][value="date"]');
    await page.waitForURL(/sort=date/);
    await waitForResults(page);
    await page.selectOption('#search-year', '2024');
    await page.waitForURL(/year=2024/);
    await waitForResults(page);
    await page.check('input[name="lang"][value="en"]');
    await page.waitForURL(/lang=en/);
    await waitForResults(page);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'การเมืองทดสอบ', sort: 'date', year: '2024', lang: 'en' });
    const english = fixture.generatedCount / 2;
    expect(await page.textContent('#search-status')).toBe(`พบ ${english} เรื่อง`);
    const first = await resultStories(page);
    await page.click('#search-more');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length === n, 20);
    expect(await page.textContent('#search-more')).toBe(`แสดงเพิ่มเติม (อีก ${english - 20} เรื่อง)`);
    const dates = await datesShown(page);
    expect(dates).toEqual([...dates].sort().reverse());
    // The same address opened afresh restores every choice and the same results.
    const again = await openSearch(url.href);
    expect(await again.page.isChecked('input[name="sort"][value="date"]')).toBe(true);
    expect(await again.page.inputValue('#search-year')).toBe('2024');
    expect(await again.page.isChecked('input[name="lang"][value="en"]')).toBe(true);
    expect(await resultStories(again.page)).toEqual(first);
    await again.page.context().close();
    await page.context().close();
  });
});

describe('a search that finds nothing', () => {
  it('repeats the query, offers the spelling the index knows and lists the latest stories', async () => {
    // เมียนมา without its last vowel's tone is fine; ชลน่าน without the tone mark finds nothing.
    const { page } = await openSearch(`${fixtureUrl}/th/search/?q=${encodeURIComponent('ชลนาน')}`);
    expect(await page.textContent('#search-status')).toBe('ไม่พบข่าวที่ตรงกับ “ชลนาน”');
    await page.waitForSelector('#search-suggestions [data-suggestion]');
    expect(await page.$$eval('#search-suggestions [data-suggestion]', (as) => as.map((a) => a.textContent))).toContain('ชลน่าน');
    expect(await page.isVisible('#search-none [data-story-list]')).toBe(true);
    await page.click('#search-suggestions [data-suggestion]');
    await page.waitForURL((url) => url.searchParams.get('q') === 'ชลน่าน');
    await waitForResults(page);
    expect(await resultStories(page)).toContain('search-name-after-title');
    expect(await page.isHidden('#search-none')).toBe(true);
    await page.context().close();
  });
});
