import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { fixture } from '../support/fixture-content.ts';

/** What readers of a news site expect around a story: credits, corrections, related stories, topics, error reports. */
const seedUrl = inject('seedUrl');
const fixtureUrl = inject('fixtureUrl');

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const ldOf = async (p: Page) => JSON.parse((await p.textContent('script[type="application/ld+json"]')) ?? '{}') as Record<string, unknown>;

describe('credits in the reader\'s language', () => {
  it('gives the English page an English byline and one plain provenance sentence', async () => {
    await page.goto(`${seedUrl}/en/articles/putin-visits-china-75-years-ties/`);
    expect(await page.textContent('[data-byline]')).toBe('The foreign news desk');
    const notice = (await page.textContent('[data-translation-notice]'))!.replace(/\s+/g, ' ').trim();
    expect(notice).toBe('Machine translation of the Thai original, reviewed by the foreign news desk. Read the Thai original');
    expect((await ldOf(page))['author']).toEqual([{ '@type': 'Organization', name: 'The foreign news desk' }]);
  });

  it('keeps the Thai byline on the Thai page, and agencies in the page\'s language', async () => {
    await page.goto(`${seedUrl}/th/articles/putin-praises-russia-myanmar-ties/`);
    expect(await page.textContent('[data-byline]')).toBe('โต๊ะข่าวต่างประเทศ');
    expect(await page.textContent('[data-source]')).toBe('เอเอฟพี');
    await page.goto(`${seedUrl}/en/articles/putin-praises-russia-myanmar-ties/`);
    expect(await page.textContent('[data-source]')).toBe('AFP');
  });

  it('shows a name the desks file does not know as written, marked with its language', async () => {
    await page.goto(`${fixtureUrl}/en/articles/${fixture.generatedSlug(3)}/`);
    expect(await page.getAttribute('[data-byline] span', 'lang')).toBe('th');
  });
});

describe('corrections', () => {
  it('show the latest under the headline and all of them at the end, in Thai dates on the Thai page', async () => {
    await page.goto(`${fixtureUrl}/th/articles/${fixture.corrected}/`);
    const notice = page.locator('header [data-correction-notice]');
    expect((await notice.textContent())!.replace(/\s+/g, ' ')).toContain(`แก้ไขเมื่อ 5 มกราคม 2567: ${fixture.correctionText}`);
    expect(await notice.locator('a').getAttribute('href')).toBe('#corrections');
    const items = page.locator('#corrections li');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('3 มกราคม 2567');
    expect(await items.nth(1).textContent()).toContain(fixture.correctionText);
    const ld = await ldOf(page);
    expect(ld['dateModified']).toBe('2024-01-05T16:30:00+07:00');
    expect((ld['correction'] as { text: string }[]).map((c) => c.text)).toContain(fixture.correctionText);
  });

  it('warn on a rendering that has not caught up with a corrected original', async () => {
    await page.goto(`${fixtureUrl}/en/articles/${fixture.corrected}/`);
    const behind = page.locator('[data-rendering-behind]');
    expect(await behind.textContent()).toContain('The Thai original was corrected on 5 January 2024; the English may be out of date.');
    expect(await behind.locator('a').getAttribute('href')).toBe(`/th/articles/${fixture.corrected}/`);
    expect(await page.locator('[data-correction-notice]').count()).toBe(0);
  });

  it('do not warn when the rendering was corrected too', async () => {
    await page.goto(`${fixtureUrl}/th/articles/${fixture.englishOriginal}/`);
    expect(await page.locator('[data-rendering-behind]').count()).toBe(0);
    expect(await page.textContent('[data-correction-notice]')).toContain('4 กุมภาพันธ์ 2568');
  });

  it('mark the item updated in the feed', async () => {
    const feed = await (await fetch(`${fixtureUrl}/th/rss.xml`)).text();
    const item = feed.split('<item>').find((i) => i.includes(`/th/articles/${fixture.corrected}/`));
    expect(item).toContain('<atom:updated>2024-01-05T16:30:00+07:00</atom:updated>');
  });

  it('pass axe in both languages and themes', async () => {
    for (const path of [`/th/articles/${fixture.corrected}/`, `/en/articles/${fixture.corrected}/`]) {
      for (const scheme of ['light', 'dark'] as const) expect(await axeViolations(browser, `${fixtureUrl}${path}`, scheme), `${path} ${scheme}`).toEqual([]);
    }
  });
});

describe('related stories', () => {
  it('are computed when the front matter lists none, in the page\'s language, never the story itself', async () => {
    await page.goto(`${seedUrl}/en/articles/putin-visits-china-75-years-ties/`);
    const links = await page.locator('[data-related-stories] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/en/articles/putin-praises-russia-myanmar-ties/']);
    // A story whose front matter lists related news shows that list instead.
    await page.goto(`${seedUrl}/th/articles/putin-praises-russia-myanmar-ties/`);
    expect(await page.locator('[data-related-stories]').count()).toBe(0);
    expect(await page.locator('[data-related] li').count()).toBe(1);
  });

  it('show three to five stories on a site with many alike', async () => {
    for (const lang of ['th', 'en'] as const) {
      const slug = fixture.generatedSlug(5);
      await page.goto(`${fixtureUrl}/${lang}/articles/${slug}/`);
      const links = await page.locator('[data-related-stories] li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(links.length, lang).toBeGreaterThanOrEqual(3);
      expect(links.length, lang).toBeLessThanOrEqual(5);
      expect(links.every((href) => href.startsWith(`/${lang}/articles/generated-story-`))).toBe(true);
      expect(links).not.toContain(`/${lang}/articles/${slug}/`);
    }
  });
});
