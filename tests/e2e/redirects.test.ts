import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { fixture } from '../support/fixture-content.ts';

/** Renamed stories on the fixture site: their former addresses, as pages and in `_redirects`. */
const fixtureUrl = inject('fixtureUrl');
const fixtureDir = inject('fixtureDir');
const { thaiOnly, englishOriginal } = fixture.formerSlugs;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a renamed story', () => {
  it('is listed in _redirects: a 301 from each former address, in each language and side by side', async () => {
    const lines = (await readFile(join(fixtureDir, '_redirects'), 'utf8')).trim().split('\n');
    expect(lines).toEqual([
      `/en/articles/${englishOriginal}/ /en/articles/${fixture.englishOriginal}/ 301`,
      `/en/articles/${englishOriginal}/side-by-side/ /en/articles/${fixture.englishOriginal}/side-by-side/ 301`,
      `/th/articles/${englishOriginal}/ /th/articles/${fixture.englishOriginal}/ 301`,
      `/th/articles/${englishOriginal}/side-by-side/ /th/articles/${fixture.englishOriginal}/side-by-side/ 301`,
      `/th/articles/${thaiOnly}/ /th/articles/${fixture.thaiOnly}/ 301`,
    ]);
  });

  it('leaves a page at each former address that names the new one as canonical, links to it and sends the reader there', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    for (const [from, to] of [
      [`/th/articles/${thaiOnly}/`, `/th/articles/${fixture.thaiOnly}/`],
      [`/en/articles/${englishOriginal}/side-by-side/`, `/en/articles/${fixture.englishOriginal}/side-by-side/`],
    ] as const) {
      // Read the page as served, before its refresh moves on.
      const html = await (await page.request.get(`${fixtureUrl}${from}`)).text();
      expect(html, from).toMatch(new RegExp(`<meta http-equiv="refresh" content="0; url=${to}"`));
      expect(html, from).toContain(`<link rel="canonical" href="http://localhost:4321${to}"`);
      expect(html, from).toMatch(new RegExp(`<a [^>]*href="${to}"[^>]*data-moved-to`));
      expect(html, from).toContain('name="robots" content="noindex"');
      // Without JavaScript, the refresh alone takes the reader to the story.
      await page.goto(`${fixtureUrl}${from}`);
      await page.waitForURL(`${fixtureUrl}${to}`);
    }
    await page.close();
  });

  it('is not listed in the sitemap under its former address', async () => {
    const sitemap = await readFile(join(fixtureDir, 'sitemaps/stories-2025-01.xml'), 'utf8');
    expect(sitemap).toContain(`/th/articles/${fixture.thaiOnly}/`);
    expect(sitemap).not.toContain(thaiOnly);
  });
});
