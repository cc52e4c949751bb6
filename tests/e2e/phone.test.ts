import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, navigate } from '../support/browser.ts';
import { fixture } from '../support/fixture-content.ts';

/**
 * A phone in the hand, measured in Chromium: controls a thumb can hit (44×44 px at 390 px), a language
 * bar that is one opaque line and never covers the paragraph a switch lands on, no sideways scrolling at
 * 200 % zoom, no keyboard hints on a touch screen, lists that show five stories to a screen, and a
 * side-by-side view with one Tab stop per pair.
 */

const fixtureUrl = inject('fixtureUrl');
const seedUrl = inject('seedUrl');
const translated = 'putin-praises-russia-myanmar-ties';
const pages = [
  '/th/',
  '/en/',
  `/th/articles/${translated}/`,
  `/en/articles/${translated}/`,
  `/th/articles/${translated}/side-by-side/`,
  `/th/articles/${fixture.thaiOnly}/`,
  '/th/sections/economy/',
  '/th/archive/',
  '/en/archive/2024/01/',
  '/th/archive/2024/',
  '/th/archive/3/',
  '/th/search/',
  '/th/no-such-page',
  '/404.html',
];

let browser: Browser;
let phone: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Visible controls smaller than 44×44 px. Links inside running text (a story's paragraphs, a notice's
 * sentence, a credit line) are exempt, as WCAG's target-size rule exempts inline links.
 */
function smallControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const INLINE_TEXT =
      '[data-body], [data-translation-notice], dd, [data-related], .pair-cell, [data-photo-caption], [role="note"] p, p[role="note"], [data-side-by-side-header] p:not(:has(> a:only-child))';
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="radio"]):not([type="hidden"]), select, label:has(input[type="radio"])',
    )) {
      if (el.closest(INLINE_TEXT) && el.tagName === 'A') continue;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || el.closest('[hidden], .sr-only')) continue;
      // The skip link waits off screen until it is focused.
      if (el.classList.contains('skip-link')) continue;
      if (rect.width < 43.5 || rect.height < 43.5)
        small.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(rect.width)}×${Math.round(rect.height)}`);
    }
    return small;
  });
}

describe('on a 390 px phone', () => {
  it('every control is at least 44×44 px on every page type', async () => {
    const page = await phone.newPage();
    const problems: string[] = [];
    for (const path of pages) {
      await page.goto(`${fixtureUrl}${path}`);
      for (const control of await smallControls(page)) problems.push(`${path}: ${control}`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the language bar is one opaque line of at most 48 px, and a Thai-only story has none', async () => {
    const page = await phone.newPage();
    for (const path of pages.slice(0, 5)) {
      await page.goto(`${fixtureUrl}${path}`);
      const bar = await page
        .locator('[data-switch-bar]')
        .evaluate((el) => ({ height: el.getBoundingClientRect().height, background: getComputedStyle(el).backgroundColor }));
      expect(bar.height, path).toBeLessThanOrEqual(48);
      // Opaque: an rgb() colour, or one whose alpha is 1.
      expect(bar.background, path).toMatch(/^(rgb\(|oklch\([^/]*\)$|color\([^/]*\)$)/);
    }
    await page.goto(`${fixtureUrl}/th/articles/${fixture.thaiOnly}/`);
    expect(await page.locator('[data-switch-bar]').count()).toBe(0);
    const note = await page.locator('[data-no-translation]').boundingBox();
    expect(note!.height).toBeLessThanOrEqual(80);
    await page.close();
  });

  it('a language switch lands with the paragraph’s first line below the bar', async () => {
    const page = await phone.newPage();
    await page.goto(`${fixtureUrl}/th/articles/${translated}/`);
    await page.evaluate(() => document.getElementById('b-5')!.scrollIntoView({ block: 'start' }));
    await navigate(page, `${fixtureUrl}/en/articles/${translated}/#b-5`, () => page.tap('[data-lang-switch]'));
    const gap = await page.evaluate(
      () => document.getElementById('b-5')!.getBoundingClientRect().top - document.querySelector('[data-switch-bar]')!.getBoundingClientRect().bottom,
    );
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThanOrEqual(32);
    await page.close();
  });

  it('shows no keyboard hint on a touch screen, and the theme button says what it is for', async () => {
    const page = await phone.newPage();
    await page.goto(`${fixtureUrl}/th/`);
    expect(await page.locator('form[role="search"] kbd').isVisible()).toBe(false);
    expect(await page.getAttribute('#site-search', 'placeholder')).not.toContain('/');
    expect(await page.locator('[data-theme-toggle]').innerText()).toContain('สีหน้าจอ');
    const desktop = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await desktop.goto(`${fixtureUrl}/en/`);
    expect(await desktop.locator('form[role="search"] kbd').isVisible()).toBe(true);
    expect(await desktop.locator('[data-theme-toggle]').innerText()).toContain('Theme');
    await desktop.close();
    await page.close();
  });

  it('section and archive lists show at least five stories to a screen', async () => {
    const page = await phone.newPage();
    // The fixture's short headlines, and the shipped sample's real releases, whose headlines run long.
    for (const url of [`${fixtureUrl}/th/archive/`, `${fixtureUrl}/th/sections/economy/`, `${seedUrl}/th/archive/`, `${seedUrl}/th/sections/government/`]) {
      await page.goto(url);
      const heights = await page.locator('[data-story-list] > li').evaluateAll((items) => items.map((li) => li.getBoundingClientRect().height));
      const mean = heights.reduce((a, b) => a + b, 0) / heights.length;
      expect(heights.length, url).toBeGreaterThan(0);
      expect(mean, url).toBeLessThanOrEqual(844 / 5);
      // Headlines are set tighter than body text, link and kept words included (they once took the body's 1.8).
      const leading = await page
        .locator('[data-story-list] > li :is(h2, h3) .keep-word, [data-story-list] > li :is(h2, h3) a')
        .evaluateAll((els) => Math.max(...els.map((el) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize))));
      expect(leading, url).toBeLessThanOrEqual(1.5);
    }
    await page.close();
  });

  it('side-by-side: one Tab stop per pair, each side labelled with its language', async () => {
    const page = await phone.newPage();
    await page.goto(`${fixtureUrl}/th/articles/${translated}/side-by-side/`);
    const pairs = await page.locator('.pair').count();
    const stops = await page.locator('[data-side-by-side] [tabindex="0"]').count();
    expect(stops).toBe(pairs);
    expect(await page.locator('[data-side-by-side] .pair-cell[tabindex]').count()).toBe(0);
    expect(await page.locator('.pair[data-block="2"] .pair-label').allInnerTexts()).toEqual(['ไทย', 'ENGLISH']);
    expect(await page.locator('h1').innerText()).toContain('ปูติน');
    expect(await page.locator('[data-side-by-side-header] time').count()).toBe(1);
    expect(await page.locator('[data-version-link]').count()).toBe(2);
    await page.close();
  });
});

describe('at 200 % zoom on a 390 px phone (195 CSS px)', () => {
  it('no page scrolls sideways', async () => {
    const context = await browser.newContext({ viewport: { width: 195, height: 422 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const path of pages) {
      await page.goto(`${fixtureUrl}${path}`);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (scroll > client) wide.push(`${path}: ${scroll} > ${client}`);
    }
    expect(wide).toEqual([]);
    const bar = await (async () => {
      await page.goto(`${fixtureUrl}/th/articles/${translated}/`);
      return (await page.locator('[data-switch-bar]').boundingBox())!.height;
    })();
    // The bar may take two lines here, never a third of the screen.
    expect(bar).toBeLessThanOrEqual(422 / 4);
    await context.close();
  });
});
