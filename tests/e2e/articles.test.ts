import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, navigate } from '../support/browser.ts';
import { projectRoot } from '../support/build-site.ts';
import { frontmatterValue, seedSlugs } from '../support/content-files.ts';
import { fixture } from '../support/fixture-content.ts';
import { MONTH_PAGE_SIZE } from '../../src/lib/months.ts';

const seedUrl = inject('seedUrl');
const seedFile = join(projectRoot, '../shared/seeds/000_1efab58772283fd0.txt');
const fixtureUrl = inject('fixtureUrl');

let browser: Browser;
let context: BrowserContext;
let page: Page;
const externalRequests: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext();
  page = await context.newPage();
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.hostname !== '127.0.0.1') externalRequests.push(req.url());
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('seed articles in both languages', () => {
  for (const slug of seedSlugs) {
    for (const lang of ['th', 'en'] as const) {
      it(`${lang}/${slug} shows the story in ${lang}`, async () => {
        const response = await page.goto(`${seedUrl}/${lang}/articles/${slug}/`);
        expect(response?.status()).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await page.getAttribute('main', 'lang')).toBe(lang);
        expect((await page.textContent('h1'))?.trim()).toBe(frontmatterValue(slug, lang, 'title'));
        const title = await page.title();
        expect(title.startsWith(frontmatterValue(slug, lang, 'title'))).toBe(true);
        // Body paragraphs rendered from MDX.
        expect(await page.locator('article .prose p').count()).toBeGreaterThanOrEqual(4);
      });
    }
  }

  it('switches from Thai to English and back on the same story', async () => {
    for (const slug of seedSlugs) {
      await page.goto(`${seedUrl}/th/articles/${slug}/`);
      await navigate(page, `${seedUrl}/en/articles/${slug}/`, () => page.click('[data-lang-switch]'));
      expect((await page.textContent('h1'))?.trim()).toBe(frontmatterValue(slug, 'en', 'title'));
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await navigate(page, `${seedUrl}/th/articles/${slug}/`, () => page.click('[data-lang-switch]'));
      expect((await page.textContent('h1'))?.trim()).toBe(frontmatterValue(slug, 'th', 'title'));
    }
  });

  it('dates Thai pages in the Buddhist era with Thai month names, English pages in the Gregorian calendar', async () => {
    await page.goto(`${seedUrl}/th/articles/putin-praises-russia-myanmar-ties/`);
    const thTime = page.locator('article header time').first();
    expect(await thTime.getAttribute('datetime')).toBe('2025-03-05T18:00:00+07:00');
    expect(await thTime.textContent()).toContain('5 มีนาคม 2568');
    await page.goto(`${seedUrl}/en/articles/putin-praises-russia-myanmar-ties/`);
    const enTime = page.locator('article header time').first();
    expect(await enTime.getAttribute('datetime')).toBe('2025-03-05T18:00:00+07:00');
    expect(await enTime.textContent()).toContain('5 March 2025');
  });

  it('shows the caption of a photo it cannot show as such, credit once, and the related news as a list', async () => {
    await page.goto(`${seedUrl}/th/articles/putin-praises-russia-myanmar-ties/`);
    expect(await page.locator('figure').count()).toBe(0);
    const caption = (await page.textContent('[data-photo-caption]')) ?? '';
    expect(caption).toContain('ภาพในต้นฉบับข่าว');
    expect(caption).toContain('พระราชวังเครมลิน');
    expect(caption.split('Pavel Bednyakov / POOL / AFP')).toHaveLength(2);
    expect(await page.locator('[data-related] li').count()).toBe(1);
    expect(await page.textContent('[data-related]')).toContain("'เทพไท' ซัดรัฐบาล-ทักษิณ");
  });

  it('flags the corrected English rendering as machine-translated and reviewed, linking the Thai original', async () => {
    await page.goto(`${seedUrl}/en/articles/putin-visits-china-75-years-ties/`);
    const notice = page.locator('[data-translation-notice]');
    expect(await notice.textContent()).toContain('Machine translation of the Thai original, reviewed by the foreign news desk.');
    expect(await notice.locator('a').getAttribute('href')).toBe('/th/articles/putin-visits-china-75-years-ties/');
    const body = await page.textContent('article .prose');
    expect(body).toContain('$227.8 billion in 2023');
    expect(body).toContain('February 2022');
    expect(body).toContain('Secretary of State Antony Blinken');
    expect(body).not.toContain('President Xi and President Xi');
  });

  it('loads the font from the site itself and nothing from other hosts', async () => {
    await page.goto(`${seedUrl}/th/`);
    await page.evaluate(() => document.fonts.ready);
    const fontLoaded = await page.evaluate(() => document.fonts.check('16px "Noto Sans Thai Variable"', 'ก'));
    expect(fontLoaded).toBe(true);
    expect(externalRequests).toEqual([]);
  });
});

describe('a story with no rendering in the other language', () => {
  it('says so once, quietly, in both languages in the story’s header, with no link and no sticky bar', async () => {
    await page.goto(`${fixtureUrl}/th/articles/${fixture.thaiOnly}/`);
    const note = page.locator('article header [data-no-translation]');
    expect(await page.locator('[data-switch-bar]').count()).toBe(0);
    expect(await note.textContent()).toContain('ข่าวนี้ยังไม่มีฉบับภาษาอังกฤษ');
    expect(await note.textContent()).toContain('This story is not available in English.');
    expect(await note.locator('span[lang="en"]').count()).toBe(1);
    expect(await page.locator('[data-lang-switch]').count()).toBe(0);
    expect(await page.locator('link[rel="alternate"][hreflang="en"]').count()).toBe(0);
  });

  it('has no English page: no fallback copy is generated', async () => {
    const response = await page.goto(`${fixtureUrl}/en/articles/${fixture.thaiOnly}/`);
    expect(response?.status()).toBe(404);
  });

  it('is listed only in Thai listings', async () => {
    await page.goto(`${fixtureUrl}/en/archive/`);
    expect(await page.locator(`a[href="/en/articles/${fixture.thaiOnly}/"]`).count()).toBe(0);
    await page.goto(`${fixtureUrl}/th/sections/economy/`);
    expect(await page.locator(`a[href="/th/articles/${fixture.thaiOnly}/"]`).count()).toBe(1);
  });

  it('leaves an English section with no English story saying so and pointing to the Thai one', async () => {
    const response = await page.goto(`${fixtureUrl}/en/sections/economy/`);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('[data-empty-listing]')).toContain('No stories in English in this section yet');
    expect(await page.getAttribute('[data-empty-listing] a', 'href')).toBe('/th/sections/economy/');
  });

  it('works the other way for an English original with no Thai rendering', async () => {
    await page.goto(`${fixtureUrl}/en/articles/${fixture.englishOnly}/`);
    expect(await page.textContent('[data-no-translation]')).toContain('This story is not available in Thai.');
  });
});

describe('an English original with a Thai rendering', () => {
  it('marks the Thai page as a rendering and links back to the English original', async () => {
    await page.goto(`${fixtureUrl}/th/articles/${fixture.englishOriginal}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    expect(await page.textContent('[data-translation-notice]')).toContain('แปลจากต้นฉบับภาษาอังกฤษโดยโต๊ะข่าวต่างประเทศ');
    await navigate(page, `${fixtureUrl}/en/articles/${fixture.englishOriginal}/`, () => page.click('[data-lang-switch]'));
    expect(await page.locator('[data-translation-notice]').count()).toBe(0);
  });
});

describe('listings', () => {
  it('paginate a long month, and switch to the same month in the other language, clamping to the pages it has', async () => {
    // January 2024 holds generated stories 1–27 in Thai, the odd ones (14) in English.
    await page.goto(`${fixtureUrl}/th/archive/2024/01/`);
    expect(await page.locator('[data-story-list] > li').count()).toBe(MONTH_PAGE_SIZE);
    await navigate(page, `${fixtureUrl}/th/archive/2024/01/2/`, () => page.click('a[rel="next"]'));
    expect(await page.locator('[data-story-list] > li').count()).toBe(27 - MONTH_PAGE_SIZE);
    expect(await page.getAttribute('[data-lang-switch]', 'href')).toBe('/en/archive/2024/01/');
    await navigate(page, `${fixtureUrl}/en/archive/2024/01/`, () => page.click('[data-lang-switch]'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('[data-story-list] > li').count()).toBe(14);
  });

  it('front pages lead with the newest story: title, summary, date and section', async () => {
    // The fixture site: the shipped site's newest story changes with its sample.
    await page.goto(`${fixtureUrl}/en/`);
    const first = page.locator('[data-story-card="lead"]');
    expect(await first.locator('h2 a').getAttribute('href')).toBe('/en/articles/putin-praises-russia-myanmar-ties/');
    expect(await first.textContent()).toContain(frontmatterValue('putin-praises-russia-myanmar-ties', 'en', 'summary'));
    expect(await first.locator('time').getAttribute('datetime')).toBe('2025-03-05T18:00:00+07:00');
    expect(await first.textContent()).toContain('World');
  });
});

describe('the root address', () => {
  for (const [locale, expected] of [
    ['th-TH', 'th'],
    ['en-US', 'en'],
    ['fr-FR', 'th'],
  ] as const) {
    it(`sends a ${locale} browser to /${expected}/`, async () => {
      const ctx = await browser.newContext({ locale });
      const p = await ctx.newPage();
      await p.goto(`${seedUrl}/`);
      await p.waitForURL(`${seedUrl}/${expected}/`);
      expect(await p.getAttribute('html', 'lang')).toBe(expected);
      await ctx.close();
    });
  }

  it('is a plain language chooser without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const p = await ctx.newPage();
    await p.goto(`${seedUrl}/`);
    expect(new URL(p.url()).pathname).toBe('/');
    expect(await p.locator('a[data-choose-language="th"]').getAttribute('href')).toBe('/th/');
    expect(await p.locator('a[data-choose-language="en"]').getAttribute('href')).toBe('/en/');
    expect(await p.locator('a[data-choose-language="en"]').isVisible()).toBe(true);
    await ctx.close();
  });
});

describe.skipIf(!existsSync(seedFile))('the first seed as published', () => {
  it('shows the Thai text verbatim: every paragraph of the seed, character for character', async () => {
    const lines = readFileSync(seedFile, 'utf8').split('\n');
    // Title, blank line, caption, then the 15 paragraphs up to the related-news heading.
    const paragraphs = lines.slice(3, lines.indexOf('ข่าวที่เกี่ยวข้อง'));
    await page.goto(`${seedUrl}/th/articles/putin-praises-russia-myanmar-ties/`);
    expect(await page.locator('article .prose p').allTextContents()).toEqual(paragraphs);
    expect((await page.textContent('h1'))?.trim()).toBe(lines[0]);
  });
});
