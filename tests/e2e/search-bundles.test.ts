import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { filesUnder } from '../../src/lib/files.ts';
import { launchChromium } from '../support/browser.ts';
import { buildSite, projectRoot, writeContent } from '../support/build-site.ts';
import { runBuildsAlone } from '../support/builds-alone.ts';

runBuildsAlone();

/**
 * Search bundles by publication year on a small throwaway site: a new story changes only its own
 * year's bundle, and the search page searches the newest year first, saying so, with every year on request.
 */
const MARKER = 'ข่าวทดสอบรายปี';
/** In five of the 2026 stories, all of 2025's and 2023's: fewer than a page in the newest year, more in the newest three. */
const ELECTION = 'การเลือกตั้งท้องถิ่น';
const story = (date: string, n: number, election = false) => `---
title: ${MARKER} เรื่องที่ ${n}
summary: สรุปข่าวเรื่องที่ ${n}
published: ${date}T09:${String(n).padStart(2, '0')}:00+07:00
section: politics
byline: โต๊ะข่าว
---

เนื้อหา${MARKER}ฉบับที่ ${n} ว่าด้วยการประชุมคณะรัฐมนตรี${election ? ` และ${ELECTION}` : ''}
`;

// 12 stories in 2026 (more than a page of results), 8 in 2025, 2 in 2024, 1 in 2023.
const dates = [
  ...Array.from({ length: 12 }, (_, i) => `2026-0${1 + (i % 6)}-${String(10 + i).padStart(2, '0')}`),
  ...Array.from({ length: 8 }, (_, i) => `2025-${String(1 + i).padStart(2, '0')}-15`),
  '2024-02-01',
  '2024-09-01',
  '2023-05-01',
];
const files = Object.fromEntries(
  dates.map((date, i) => [`story-${String(i + 1).padStart(2, '0')}/th.mdx`, story(date, i + 1, i < 5 || date.startsWith('2025') || date.startsWith('2023'))]),
);

const root = join(projectRoot, '.test-dist', 'search-bundles');
const cacheDir = join(root, 'cache');
const before = join(root, 'before');
const after = join(root, 'after');

/** Every file of a folder with its bytes, by path. */
function folderBytes(dir: string, files: string[]): Map<string, string> {
  return new Map(files.filter((f) => f.startsWith(`${dir}/`)).map((f) => [relative(dir, f), readFileSync(f).toString('base64')]));
}

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  const contentDir = await writeContent(root, files);
  const env = { NEWS_SOCIAL_CARDS: 'off' };
  await buildSite({ outDir: before, contentDir, cacheDir, env });
  // A new story in the newest year, then the same build again.
  await writeContent(join(root, 'added'), { ...files, 'story-new/th.mdx': story('2026-06-30', 30) });
  await buildSite({ outDir: after, contentDir: join(root, 'added', 'content'), cacheDir, env });
  server = await serveStatic(after);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a new story changes only its own year’s search bundle', () => {
  it('leaves the older years’ bundles byte for byte as they were', async () => {
    const bundles = readdirSync(after).filter((name) => name.startsWith('pagefind'));
    expect(bundles.sort()).toEqual(['pagefind-2023', 'pagefind-2024', 'pagefind-2025', 'pagefind-2026']);
    const [was, is] = [await filesUnder(before), await filesUnder(after)];
    for (const bundle of ['pagefind-2023', 'pagefind-2024', 'pagefind-2025']) {
      const old = folderBytes(join(before, bundle), was);
      expect(old.size, bundle).toBeGreaterThan(5);
      expect(folderBytes(join(after, bundle), is), bundle).toEqual(old);
    }
    expect(folderBytes(join(after, 'pagefind-2026'), is)).not.toEqual(folderBytes(join(before, 'pagefind-2026'), was));
  });

  it('holds what the search page loads, without Pagefind’s own search interfaces', () => {
    const files = readdirSync(join(after, 'pagefind-2026'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'chunk-starts.json', 'dates.json']));
    expect(files.filter((name) => /ui|highlight/.test(name))).toEqual([]);
  });
});

describe('the search page searches the newest year first', () => {
  /** The page, and the bundle folders it fetched from. */
  async function open(path: string): Promise<{ page: Page; fetched: Set<string> }> {
    const page = await (await browser.newContext()).newPage();
    const fetched = new Set<string>();
    page.on('request', (r) => {
      const folder = /^\/(pagefind-[^/]+)\//.exec(new URL(r.url()).pathname)?.[1];
      if (folder) fetched.add(folder);
    });
    await page.goto(`${server.url}${path}`);
    await settled(page);
    return { page, fetched };
  }
  const settled = (page: Page) =>
    page.waitForFunction(() => {
      const status = document.querySelector('#search-status')?.textContent ?? '';
      return document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' && status !== '' && !/กำลังค้นหา|Searching/.test(status);
    });
  const q = encodeURIComponent(MARKER);

  it('preloads the newest bundle’s Pagefind with the page', () => {
    const html = readFileSync(join(after, 'th', 'search', 'index.html'), 'utf8');
    expect(html).toMatch(/<link rel="modulepreload" href="\/pagefind-2026\/pagefind\.js"/);
  });

  it('counts the newest year’s results as such (Buddhist era in Thai) and loads no older bundle', async () => {
    const { page, fetched } = await open(`/th/search/?q=${q}`);
    expect(await page.textContent('#search-status')).toBe('พบ 13 เรื่องในปี 2569');
    expect(await page.$$eval('#search-results > li', (li) => li.length)).toBe(10);
    expect(await page.textContent('#search-more')).toBe('แสดงเพิ่มเติม (อีก 3 เรื่อง)');
    expect(await page.isVisible('#search-all-years')).toBe(true);
    expect([...fetched]).toEqual(['pagefind-2026']);
    await page.click('#search-all-years');
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent === 'พบ 24 เรื่อง');
    await settled(page);
    expect(await page.isHidden('#search-all-years')).toBe(true);
    expect([...fetched].sort()).toEqual(['pagefind-2023', 'pagefind-2024', 'pagefind-2025', 'pagefind-2026']);
    expect(await page.textContent('#search-more')).toBe('แสดงเพิ่มเติม (อีก 14 เรื่อง)');
    await page.context().close();
  });

  it('goes on to the newest three years when the newest has less than a page, and says which', async () => {
    const { page, fetched } = await open(`/th/search/?q=${encodeURIComponent(ELECTION)}`);
    // 5 in 2026, then 8 more in 2025 (none in 2024); 2023's is left for "search all years".
    expect(await page.textContent('#search-status')).toBe('พบ 13 เรื่องในปี 2567–2569');
    expect(await page.isVisible('#search-all-years')).toBe(true);
    expect([...fetched].sort()).toEqual(['pagefind-2024', 'pagefind-2025', 'pagefind-2026']);
    await page.click('#search-all-years');
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent === 'พบ 14 เรื่อง');
    await page.context().close();
  });

  it('says the same in English, newest first too', async () => {
    const { page } = await open(`/en/search/?q=${q}&sort=date`);
    expect(await page.textContent('#search-status')).toBe('13 stories found in 2026');
    const shown = await page.$$eval('#search-results time', (ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    expect(shown[0]).toMatch(/^2026-06-30/);
    expect(shown).toEqual([...shown].sort().reverse());
    await page.context().close();
  });

  it('an older year chosen: that year’s stories, all counted', async () => {
    const { page, fetched } = await open(`/th/search/?q=${q}&year=2024`);
    expect(await page.textContent('#search-status')).toBe('พบ 2 เรื่อง');
    expect(await page.isHidden('#search-all-years')).toBe(true);
    expect(fetched.has('pagefind-2024')).toBe(true);
    expect(fetched.has('pagefind-2025')).toBe(false);
    await page.context().close();
  });
});
