import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, recordDialogs } from '../support/browser.ts';
import { fixture } from '../support/fixture-content.ts';
import { readBuiltPages } from '../support/site-files.ts';

const seedUrl = inject('seedUrl');
const fixtureUrl = inject('fixtureUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A page that records dialogs and Content-Security-Policy violations. */
async function guardedPage(): Promise<{ page: Page; dialogs: string[]; violations: () => Promise<string[]> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = recordDialogs(page);
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, dialogs, violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
}

describe('Content Security Policy', () => {
  it('is strict on every page: first in the head, no inline script or style, no plugins, no base, WebAssembly allowed', async () => {
    for (const site of [inject('seedDir'), inject('fixtureDir')]) {
      for (const page of await readBuiltPages(site)) {
        const meta = page.root.querySelector('head > meta[http-equiv="content-security-policy"]');
        const csp = meta?.getAttribute('content') ?? '';
        const directives = Object.fromEntries(
          csp
            .split(';')
            .map((d) => d.trim().split(/\s+/))
            .map(([name, ...values]) => [name, values.join(' ')]),
        );
        expect(directives, page.path).toMatchObject({
          'default-src': "'self'",
          'script-src': "'self' 'wasm-unsafe-eval'",
          'style-src': "'self'",
          'object-src': "'none'",
          'base-uri': "'none'",
        });
        // A <meta> policy covers only what follows it: nothing but charset and viewport may come first.
        const before = page.root.querySelectorAll('head > *').findIndex((e) => e === meta);
        expect(before, page.path).toBeLessThanOrEqual(2);
        // With no hashes in the policy, any inline script or style would be blocked: there must be none.
        const inline = page.root.querySelectorAll('script:not([src])').filter((s) => !/json/.test(s.getAttribute('type') ?? ''));
        expect(
          inline.map((s) => s.toString().slice(0, 80)),
          page.path,
        ).toEqual([]);
        expect(
          page.root.querySelectorAll('style, [style]').map((e) => e.toString().slice(0, 80)),
          page.path,
        ).toEqual([]);
      }
    }
  });

  it('still lets every page type work, search included, without a single violation', async () => {
    const { page, violations } = await guardedPage();
    for (const path of [
      '/th/',
      '/en/articles/putin-praises-russia-myanmar-ties/',
      '/th/articles/putin-praises-russia-myanmar-ties/side-by-side/',
      '/en/archive/',
      '/th/404.html',
    ]) {
      await page.goto(`${seedUrl}${path}`);
      await page.click('[data-theme-toggle]');
    }
    await page.goto(`${seedUrl}/th/search/?q=${encodeURIComponent('ปูติน')}`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 2);
    await page.goto(`${seedUrl}/`);
    await page.waitForURL(/\/(th|en)\/$/);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });
});

describe('hostile text renders as text', () => {
  it('escapes titles, summaries, captions, credits, bylines, tags and bodies; no script runs', async () => {
    const { page, dialogs, violations } = await guardedPage();
    await page.goto(`${fixtureUrl}/th/articles/${fixture.hostile}/`);
    expect(await page.textContent('h1')).toBe(fixture.hostileTitle);
    expect(await page.title()).toContain('<script>alert("title")</script>');
    expect(await page.textContent('[data-summary]')).toContain('<img src=x onerror=alert(2)>');
    expect(await page.textContent('figcaption, [data-photo-caption]')).toContain('<iframe src=javascript:alert(5)></iframe>');
    expect(await page.textContent('article header')).toContain('<svg onload=alert(4)>');
    expect(await page.textContent('[data-body]')).toContain('<script>alert(8)</script>');
    expect(await page.locator('article script, article img, article iframe, article svg').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(dialogs).toEqual([]);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('keeps bidi controls, emoji, marks out of order and a 500-letter Thai word inside the page', async () => {
    const { page } = await guardedPage();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${fixtureUrl}/th/articles/${fixture.hostile}/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.textContent('[data-summary]')).toContain('👍🏽');
    await page.context().close();
  });

  it('leaves only http(s), mailto and site links in bodies, and opens outside links without an opener', async () => {
    const { page } = await guardedPage();
    await page.goto(`${fixtureUrl}/th/articles/${fixture.hostile}/`);
    const links = await page.$$eval('[data-body] a', (as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel')]));
    expect(links).toEqual([
      ['https://www.afp.com/th', 'noopener noreferrer'],
      ['mailto:news@example.com', 'noopener noreferrer'],
      ['/th/archive/', null],
    ]);
    expect(await page.textContent('[data-body]')).toContain('ลิงก์อันตราย');
    await page.context().close();
  });

  it('opens every link to another site without an opener, frontmatter links (source, related news) included', async () => {
    const seen = new Set<string>();
    for (const site of [inject('seedDir'), inject('fixtureDir')]) {
      for (const page of await readBuiltPages(site)) {
        for (const a of page.root.querySelectorAll('a[href]')) {
          const href = a.getAttribute('href') ?? '';
          if (!/^(https?:)?\/\//i.test(href) || href.startsWith('http://localhost:4321/')) continue;
          seen.add(href);
          expect((a.getAttribute('rel') ?? '').split(/\s+/).sort(), `${page.path}: ${href}`).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
        }
      }
    }
    // A body link and a related-news link of the fixture stories: the check above had both kinds to look at.
    expect([...seen]).toEqual(expect.arrayContaining(['https://www.afp.com/th', 'https://example.com/related']));
  });

  it('shows hostile text found by search as text', async () => {
    const { page, dialogs } = await guardedPage();
    await page.goto(`${fixtureUrl}/th/search/?q=${encodeURIComponent('onerror')}`);
    await page.waitForFunction(
      () => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' && document.querySelectorAll('#search-results > li').length > 0,
    );
    expect(await page.textContent('#search-results')).toContain('<img src=x onerror=alert(');
    expect(await page.locator('#search-results img, #search-results script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});
