/**
 * PNGs of every page type of a built site, at 390 and 1366 px, light and dark, so a change's look can
 * be reviewed without a browser: `npm run screenshots [-- --site DIR] [--out DIR] [--full-page]`.
 * The site defaults to dist/ (run `npm run build` first); the pictures go to screenshots/ (git-ignored).
 * Pages are picked from the built site itself: the front pages, a translated story in both languages,
 * a story in one language only, its side-by-side view, a section, the archive (its first page, the
 * newest year and month, and an old numbered address), the topics and a topic, a search, a missing
 * page under /th/ and the site-wide /404.html.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/support/browser.ts';
import { serveStatic } from './support/static-server.ts';

const projectRoot = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: join(projectRoot, 'dist') },
    out: { type: 'string', default: join(projectRoot, 'screenshots') },
    'full-page': { type: 'boolean', default: false },
  },
});
const site = resolve(values.site);
const out = resolve(values.out);
if (!existsSync(join(site, 'th', 'index.html'))) {
  console.error(`screenshots: no built site at ${site}: run "npm run build" first, or pass --site DIR`);
  process.exit(1);
}

const folders = (path: string) =>
  existsSync(join(site, path))
    ? readdirSync(join(site, path), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
const stories = { th: folders('th/articles'), en: new Set(folders('en/articles')) };
const translated = stories.th.find((slug) => existsSync(join(site, 'th/articles', slug, 'side-by-side', 'index.html')));
const thaiOnly = stories.th.find((slug) => !stories.en.has(slug));
const section = folders('th/sections')[0];
const year = folders('th/archive')
  .filter((name) => /^\d{4}$/.test(name))
  .at(-1);
const month = year ? folders(`th/archive/${year}`).at(-1) : undefined;
const oldAddress = folders('th/archive').find((name) => /^\d{1,3}$/.test(name));
const topic = folders('th/topics')[0];

const pages: { name: string; path: string }[] = [
  { name: 'front-th', path: '/th/' },
  { name: 'front-en', path: '/en/' },
  ...(translated
    ? [
        { name: 'story-th', path: `/th/articles/${translated}/` },
        { name: 'story-en', path: `/en/articles/${translated}/` },
        { name: 'side-by-side', path: `/th/articles/${translated}/side-by-side/` },
      ]
    : []),
  ...(thaiOnly ? [{ name: 'story-thai-only', path: `/th/articles/${thaiOnly}/` }] : []),
  ...(section ? [{ name: 'section', path: `/th/sections/${section}/` }] : []),
  { name: 'archive', path: '/th/archive/' },
  ...(year ? [{ name: 'archive-year', path: `/th/archive/${year}/` }] : []),
  // In English when it has that month: the English listing's look too.
  ...(year && month ? [{ name: 'archive-month', path: `/${existsSync(join(site, 'en/archive', year, month)) ? 'en' : 'th'}/archive/${year}/${month}/` }] : []),
  ...(oldAddress ? [{ name: 'archive-old-address', path: `/th/archive/${oldAddress}/` }] : []),
  { name: 'topics', path: '/th/topics/' },
  ...(topic ? [{ name: 'topic', path: `/th/topics/${topic}/` }] : []),
  { name: 'search', path: '/th/search/?q=%E0%B8%A3%E0%B8%B1%E0%B8%AA%E0%B9%80%E0%B8%8B%E0%B8%B5%E0%B8%A2' },
  { name: 'not-found-th', path: '/th/no-such-page/' },
  { name: 'not-found-root', path: '/404.html' },
];

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const server = await serveStatic(site);
const browser = await launchChromium();
try {
  for (const width of [390, 1366]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const phone = width === 390;
      // The phone is a touch screen (coarse pointer): what a phone user sees, "/" hint and all.
      const context = await browser.newContext({
        viewport: { width, height: phone ? 844 : 900 },
        isMobile: phone,
        hasTouch: phone,
        colorScheme,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      for (const { name, path } of pages) {
        await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        // A search shows its results once Pagefind has answered.
        if (name === 'search') await page.waitForSelector('#search-results li', { timeout: 15_000 }).catch(() => undefined);
        const file = join(out, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: values['full-page'] });
      }
      await context.close();
    }
  }
  console.log(`screenshots: ${pages.length * 4} PNGs of ${pages.length} pages in ${out}`);
} finally {
  await browser.close();
  await server.close();
}
