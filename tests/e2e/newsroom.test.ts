import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { fixture } from '../support/fixture-content.ts';
import { readBuiltPages } from '../support/site-files.ts';

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

describe("credits in the reader's language", () => {
  it('gives the English page an English byline and one plain provenance sentence', async () => {
    await page.goto(`${seedUrl}/en/articles/putin-visits-china-75-years-ties/`);
    expect(await page.textContent('[data-byline]')).toBe('The foreign news desk');
    const notice = (await page.textContent('[data-translation-notice]'))!.replace(/\s+/g, ' ').trim();
    expect(notice).toBe('Machine translation of the Thai original, reviewed by the foreign news desk. Read the Thai original');
    expect((await ldOf(page))['author']).toEqual([{ '@type': 'Organization', name: 'The foreign news desk' }]);
  });

  it("keeps the Thai byline on the Thai page, and agencies in the page's language", async () => {
    await page.goto(`${seedUrl}/th/articles/putin-praises-russia-myanmar-ties/`);
    expect(await page.textContent('[data-byline]')).toBe('โต๊ะข่าวต่างประเทศ');
    expect(await page.textContent('[data-source]')).toBe('เอเอฟพี');
    await page.goto(`${seedUrl}/en/articles/putin-praises-russia-myanmar-ties/`);
    expect(await page.textContent('[data-source]')).toBe('AFP');
  });

  it('gives the side-by-side view the same credits in its own language', async () => {
    await page.goto(`${seedUrl}/en/articles/putin-visits-china-75-years-ties/side-by-side/`);
    expect(await page.textContent('[data-side-by-side-header] [data-byline]')).toBe('By The foreign news desk');
    await page.goto(`${seedUrl}/en/articles/putin-praises-russia-myanmar-ties/side-by-side/`);
    expect(await page.textContent('[data-side-by-side-header] [data-source]')).toBe('Source: AFP');
    await page.goto(`${seedUrl}/th/articles/putin-praises-russia-myanmar-ties/side-by-side/`);
    expect(await page.textContent('[data-side-by-side-header] [data-byline]')).toBe('โดย โต๊ะข่าวต่างประเทศ');
    expect(await page.textContent('[data-side-by-side-header] [data-source]')).toBe('แหล่งข่าว: เอเอฟพี');
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
    expect((await notice.textContent())!.replace(/\s+/g, ' ')).toContain(`แก้ไขเมื่อ 19 กุมภาพันธ์ 2567: ${fixture.correctionText}`);
    expect(await notice.locator('a').getAttribute('href')).toBe('#corrections');
    const items = page.locator('#corrections li');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('17 กุมภาพันธ์ 2567');
    expect(await items.nth(1).textContent()).toContain(fixture.correctionText);
    const ld = await ldOf(page);
    expect(ld['dateModified']).toBe('2024-02-19T16:30:00+07:00');
    expect((ld['correction'] as { text: string }[]).map((c) => c.text)).toContain(fixture.correctionText);
  });

  it('warn on a rendering that has not caught up with a corrected original', async () => {
    await page.goto(`${fixtureUrl}/en/articles/${fixture.corrected}/`);
    const behind = page.locator('[data-rendering-behind]');
    expect(await behind.textContent()).toContain('The Thai original was corrected on 19 February 2024; the English may be out of date.');
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
    expect(item).toContain('<atom:updated>2024-02-19T16:30:00+07:00</atom:updated>');
    const english = await (await fetch(`${fixtureUrl}/en/rss.xml`)).text();
    const englishItem = english.split('<item>').find((i) => i.includes(`/en/articles/${fixture.englishOriginal}/`));
    expect(englishItem).toContain('<atom:updated>2025-02-04T09:00:00+07:00</atom:updated>');
  });

  it('read in English on an English original, dated in English', async () => {
    await page.goto(`${fixtureUrl}/en/articles/${fixture.englishOriginal}/`);
    const notice = (await page.locator('header [data-correction-notice]').textContent())!.replace(/\s+/g, ' ');
    expect(notice).toContain('Corrected 4 February 2025: An earlier version said the hub charges 30 buses at once; it charges 40.');
  });

  it('pass axe in both languages and themes', async () => {
    for (const path of [`/th/articles/${fixture.corrected}/`, `/en/articles/${fixture.corrected}/`]) {
      for (const scheme of ['light', 'dark'] as const) expect(await axeViolations(browser, `${fixtureUrl}${path}`, scheme), `${path} ${scheme}`).toEqual([]);
    }
  });
});

describe('related stories', () => {
  it("are computed when the front matter lists none, in the page's language, never the story itself", async () => {
    await page.goto(`${seedUrl}/en/articles/putin-visits-china-75-years-ties/`);
    const links = await page.locator('[data-related-stories] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('/en/articles/putin-praises-russia-myanmar-ties/');
    expect(links.length).toBeLessThanOrEqual(5);
    expect(links.every((href) => href!.startsWith('/en/articles/'))).toBe(true);
    expect(links).not.toContain('/en/articles/putin-visits-china-75-years-ties/');
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

describe('topics', () => {
  const { id, th, en } = fixture.mappedTopic;

  it("link a story to its topics in the page's language", async () => {
    await page.goto(`${fixtureUrl}/en/articles/${fixture.generatedSlug(1)}/`);
    const links = page.locator('[data-story-topics] a');
    expect(await links.first().textContent()).toBe(en);
    expect(await links.first().getAttribute('href')).toBe(`/en/topics/${id}/`);
    // The English rendering has no tags of its own: the Thai original's unmapped tag keeps its Thai name.
    expect(await links.nth(1).getAttribute('lang')).toBe('th');
    expect(await links.nth(1).textContent()).toBe(fixture.unmappedTag(1));
  });

  it('give a mapped topic its pages by month in each language, switching to the same topic', async () => {
    await page.goto(`${fixtureUrl}/th/topics/${id}/`);
    expect((await page.textContent('h1'))?.trim()).toBe(th);
    expect(await page.getAttribute('link[rel="alternate"][hreflang="en"]', 'href')).toMatch(new RegExp(`/en/topics/${id}/$`));
    expect(await page.locator('a[href="/th/topics/"]').count()).toBeGreaterThan(0);
    // Like a section: the latest months, then month pages a new story elsewhere does not change.
    const month = (await page.locator('[data-latest-month] h2 a').first().getAttribute('href'))!;
    expect(month).toMatch(new RegExp(`^/th/topics/${id}/\\d{4}/\\d{2}/$`));
    await page.goto(`${fixtureUrl}${month}`);
    expect(await page.locator('[data-story-list] > li').count()).toBeGreaterThan(0);
    await page.goto(`${fixtureUrl}/en/topics/${id}/`);
    expect((await page.textContent('h1'))?.trim()).toBe(en);
    // The old numbered address still leads somewhere.
    expect((await page.goto(`${fixtureUrl}/th/topics/${id}/3/`))?.status()).toBe(200);
    expect(await page.locator('[data-listing-moved]').count()).toBe(1);
  });

  it('give an unmapped Thai tag its own pages, addressed by the tag; its English page says where the stories are', async () => {
    const tag = fixture.unmappedTag(2);
    const response = await page.goto(`${fixtureUrl}/th/topics/${encodeURIComponent(tag)}/`);
    expect(response?.status()).toBe(200);
    expect((await page.textContent('h1'))?.trim()).toBe(tag);
    expect(await page.locator('[data-latest-month]').count()).toBeGreaterThan(0);
    // Only even stories carry it, and they have no English: the English page names it in Thai and points there.
    expect((await page.goto(`${fixtureUrl}/en/topics/${encodeURIComponent(tag)}/`))?.status()).toBe(200);
    expect(await page.getAttribute('h1 span', 'lang')).toBe('th');
    expect(await page.locator('[data-empty-listing] a').getAttribute('href')).toBe(`/th/topics/${encodeURIComponent(tag)}/`);
  });

  it('are listed on a topic index per language, sorted by name, with their counts', async () => {
    for (const [lang, name, count] of [
      ['en', en, 22],
      ['th', th, 44],
    ] as const) {
      await page.goto(`${fixtureUrl}/${lang}/topics/`);
      const names = await page.locator('[data-topic-index] a').evaluateAll((as) => as.map((a) => a.textContent!.replace(/\s+/g, ' ').trim()));
      expect(names).toContain(`${name} (${count})`);
      const collator = new Intl.Collator(lang);
      expect(names).toEqual([...names].sort((a, b) => collator.compare(a.replace(/ \(\d+\)$/, ''), b.replace(/ \(\d+\)$/, ''))));
    }
    await page.goto(`${seedUrl}/th/topics/`);
    expect(await page.locator('[data-topic-index] a[href="/th/topics/russia/"]').textContent()).toContain('รัสเซีย');
  });

  it('pass axe in both languages', async () => {
    for (const path of [`/th/topics/${id}/`, `/en/topics/${id}/`, '/th/topics/', '/en/topics/']) {
      expect(await axeViolations(browser, `${fixtureUrl}${path}`), path).toEqual([]);
    }
  });
});

describe('report an error', () => {
  const mail = (href: string) => ({
    to: href.slice('mailto:'.length, href.indexOf('?')),
    subject: decodeURIComponent(/subject=([^&]*)/.exec(href)![1]!),
    body: decodeURIComponent(/body=([^&]*)/.exec(href)![1]!),
  });

  it('offers a prefilled report of a translation error after every paragraph of a rendering', async () => {
    const slug = 'putin-visits-china-75-years-ties';
    await page.goto(`${seedUrl}/en/articles/${slug}/`);
    const blocks = page.locator('[data-body] [data-block]');
    const count = await blocks.count();
    expect(count).toBeGreaterThan(2);
    expect(await page.locator('[data-body] [data-block] > a[data-report-block]').count()).toBe(count);
    const third = blocks.nth(2);
    const link = third.locator('a[data-report-block]');
    expect((await link.textContent())?.trim()).toBe('Report a translation error in paragraph 3');
    const { to, subject, body } = mail((await link.getAttribute('href'))!);
    expect(to).toBe('corrections@localhost');
    expect(subject).toContain('Translation error (b-3)');
    expect(body).toContain(`/en/articles/${slug}/#b-3`);
    expect(body).toContain('Paragraph: b-3');
    const paragraph = (await third.evaluate((el) => (el.firstChild as Text).textContent ?? '')).trim();
    expect(body).toContain(`> ${paragraph.slice(0, 60)}`);
    // The link is not part of the story's text: not searched, not copied, not printed.
    expect(await link.getAttribute('data-pagefind-ignore')).not.toBeNull();
    expect(await link.evaluate((el) => getComputedStyle(el).userSelect)).toBe('none');
    await page.emulateMedia({ media: 'print' });
    expect(await link.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('offers every story a report of an error, and the original no per-paragraph links', async () => {
    await page.goto(`${seedUrl}/th/articles/putin-visits-china-75-years-ties/`);
    expect(await page.locator('a[data-report-block]').count()).toBe(0);
    const link = page.locator('a[data-report-story]');
    expect((await link.textContent())?.trim()).toBe('แจ้งข้อผิดพลาดในข่าวนี้');
    const { subject, body } = mail((await link.getAttribute('href'))!);
    expect(subject).toContain('แจ้งข้อผิดพลาด:');
    expect(body).toContain('ภาษา: th');
  });

  it('pass axe on a rendering with its links, in both themes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      expect(await axeViolations(browser, `${seedUrl}/en/articles/putin-visits-china-75-years-ties/`, scheme), scheme).toEqual([]);
    }
  });
});

describe('the site as shipped, worth opening on day one', () => {
  it('holds the sample of real releases: sections, archive years, topics and related stories in both languages', async () => {
    const pages = await readBuiltPages(inject('seedDir'));
    const paths = pages.map((p) => p.path);
    const stories = (lang: string) => pages.filter((p) => new RegExp(`^/${lang}/articles/[^/]+/$`).test(p.path) && p.root.querySelector('[data-body]'));
    expect(stories('th').length).toBeGreaterThanOrEqual(40);
    expect(stories('en').length).toBeGreaterThanOrEqual(13);
    expect(new Set(paths.filter((p) => /^\/th\/sections\/[^/]+\/$/.test(p))).size).toBeGreaterThanOrEqual(5);
    expect(paths.filter((p) => /^\/th\/archive\/\d{4}\/$/.test(p)).length).toBeGreaterThanOrEqual(2);
    expect(paths.filter((p) => /^\/th\/topics\/[^/]+\/$/.test(p)).length).toBeGreaterThanOrEqual(10);
    expect(stories('th').filter((p) => p.root.querySelector('[data-related-stories] li')).length).toBeGreaterThanOrEqual(30);
  });
});
