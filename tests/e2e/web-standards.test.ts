import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FEED_SIZE } from '../../src/lib/feeds/rss.ts';
import { launchChromium } from '../support/browser.ts';
import { frontmatterValue, seedSlugs } from '../support/content-files.ts';
import { CORPUS_WAIT_MS, waitForCorpusSite } from '../support/corpus.ts';
import { fixture } from '../support/fixture-content.ts';
import { readBuiltPages, type BuiltPage } from '../support/site-files.ts';

/**
 * The built sites against the web's own standards: valid HTML, well-formed feeds and sitemaps that
 * agree with the pages, JSON-LD and social cards on every story, and not-found pages that help.
 * Links, fragments and the hreflang of the pages themselves are checked in site-structure.test.ts.
 */
const sites = [
  { name: 'seed site', dir: inject('seedDir'), storyCards: true, validateEvery: 1 },
  { name: 'fixture site', dir: inject('fixtureDir'), storyCards: true, validateEvery: 1 },
  // Built with NEWS_SOCIAL_CARDS=off (see global-setup.ts): every page uses its language's site card.
  // Its stories (the corpus sample) share the fixture's templates: html-validate reads every page that is not a
  // story's and the pages of every 8th story (the whole site took two minutes of npm test's ten).
  ...(inject('corpusDir') ? [{ name: 'thaigov corpus site', dir: inject('corpusDir'), storyCards: false, validateEvery: 8 }] : []),
];

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['item', 'url', 'sitemap', 'xhtml:link', 'atom:link', 'dc:creator', 'category'].includes(name),
});
const langOf = (path: string) => path.split('/')[1] as 'th' | 'en';
/** The story a page belongs to (its pages in each language, side by side), or null for every other page. */
const storySlug = (path: string) => /^\/(?:th|en)\/articles\/([^/]+)\//.exec(path)?.[1] ?? null;
const isArticle = (path: string) => /^\/(th|en)\/articles\/[^/]+\/$/.test(path);
/** A story's page, not the page at a renamed story's former address (which only sends the reader on). */
const isStory = (page: BuiltPage) => isArticle(page.path) && !page.root.querySelector('meta[http-equiv="refresh"]');

async function parseXmlFile(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  SyntaxValidator.validate(text); // throws, saying where, unless the file is well-formed XML
  return xml.parse(text) as Record<string, unknown>;
}

/** Width and height from the IHDR chunk that every PNG starts with, read without loading the image. */
async function pngSize(file: string): Promise<{ signature: string; width: number; height: number }> {
  const handle = await open(file);
  try {
    const header = Buffer.alloc(24);
    await handle.read(header, 0, 24, 0);
    return { signature: header.subarray(1, 4).toString('latin1'), width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
  } finally {
    await handle.close();
  }
}

interface RssItem {
  title: string;
  link: string;
  description: string;
  pubDate: string;
  category: string[];
  'dc:creator'?: string[];
  'atom:link'?: { rel: string; hreflang: string; href: string }[];
}

interface SitemapUrl {
  loc: string;
  'xhtml:link'?: { rel: string; hreflang: string; href: string }[];
}

for (const site of sites) {
  describe(`${site.name}: web standards`, () => {
    let pages: BuiltPage[];
    let byPath: Map<string, BuiltPage>;
    beforeAll(async () => {
      if (site.dir === inject('corpusDir')) await waitForCorpusSite();
      pages = await readBuiltPages(site.dir);
      byPath = new Map(pages.map((p) => [p.path, p]));
    }, CORPUS_WAIT_MS);
    const exists = (path: string) => byPath.has(path);

    it(`passes html-validate on every page${site.validateEvery > 1 ? ` (a story's pages: every ${site.validateEvery}th story)` : ''} (rules in .htmlvalidate.json)`, async () => {
      const validator = new HtmlValidate(new FileSystemConfigLoader());
      const problems: string[] = [];
      const slugs = [...new Set(pages.map((p) => storySlug(p.path)).filter((slug) => slug !== null))].sort();
      const chosen = new Set(slugs.filter((_, i) => i % site.validateEvery === 0));
      const checked = pages.filter((p) => {
        const slug = storySlug(p.path);
        return slug === null || chosen.has(slug);
      });
      expect(chosen.size).toBeGreaterThanOrEqual(Math.min(slugs.length, 2));
      for (const page of checked) {
        const report = await validator.validateFile(join(site.dir, page.file));
        for (const m of report.results.flatMap((r) => r.messages)) problems.push(`${page.file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
      expect(problems.slice(0, 20)).toEqual([]);
    }, 600_000);

    it('publishes an RSS feed per language with the newest stories of that language', async () => {
      for (const lang of ['th', 'en'] as const) {
        const doc = (await parseXmlFile(join(site.dir, lang, 'rss.xml'))) as {
          rss: { version: string; channel: Record<string, unknown> & { item?: RssItem[] } };
        };
        const channel = doc.rss.channel;
        expect(doc.rss.version).toBe('2.0');
        expect(channel['language']).toBe(lang);
        const articles = pages.filter((p) => isStory(p) && langOf(p.path) === lang);
        const items = channel.item ?? [];
        expect(items).toHaveLength(Math.min(FEED_SIZE, articles.length));
        for (const item of items) {
          const path = new URL(item.link).pathname;
          const page = byPath.get(path);
          expect(page, item.link).toBeDefined();
          expect(langOf(path)).toBe(lang);
          expect(item.title).toBe(page!.root.querySelector('h1')?.textContent.trim());
          // The dek is on the page, or it only repeated the first paragraph, which says it (say things once).
          // Spaces compared as spaces, without the word joiner: the page ties ๆ to its word with a no-break space or a word joiner.
          const words = (text: string | undefined) => text?.replaceAll('\u2060', '').replace(/\s+/g, ' ').trim();
          const dek = words(page!.root.querySelector('[data-summary]')?.textContent);
          if (dek !== undefined) expect(words(item.description)).toBe(dek);
          else expect(words(page!.root.querySelector('[data-body] p')?.textContent)?.startsWith(words(item.description)!.replace(/…$/, ''))).toBe(true);
          expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
          expect(item.category).toHaveLength(1);
          // The other-language link is there exactly when the story has a page in the other language.
          const alternate = page!.root.querySelector(`link[rel="alternate"][hreflang="${lang === 'th' ? 'en' : 'th'}"]`)?.getAttribute('href');
          expect(item['atom:link']?.[0]?.href, item.link).toBe(alternate);
        }
        // Newest first, as the front page lists them.
        const dates = items.map((i) => Date.parse(i.pubDate));
        expect(dates).toEqual([...dates].sort((a, b) => b - a));
      }
    });

    it('gives every story page one JSON-LD NewsArticle with the required fields, linked to its other versions', () => {
      const problems: string[] = [];
      const ldOf = new Map<string, Record<string, unknown>>();
      for (const page of pages.filter(isStory)) {
        const blocks = page.root.querySelectorAll('script[type="application/ld+json"]');
        if (blocks.length !== 1) {
          problems.push(`${page.path}: ${blocks.length} JSON-LD blocks`);
          continue;
        }
        const ld = JSON.parse(blocks[0]!.textContent) as Record<string, unknown>;
        ldOf.set(page.path, ld);
        const missing = ['headline', 'datePublished', 'dateModified', 'author', 'publisher', 'inLanguage', 'image', 'url'].filter((k) => !ld[k]);
        if (missing.length > 0) problems.push(`${page.path}: no ${missing.join(', ')}`);
        if (ld['@context'] !== 'https://schema.org' || ld['@type'] !== 'NewsArticle') problems.push(`${page.path}: not a schema.org NewsArticle`);
        // The h1 ties ๆ to its word (a no-break space, or a word joiner where the title had no space); the headline is the title as written.
        const h1 = page.root.querySelector('h1')?.textContent.trim().replaceAll('\u2060', '').replaceAll('\u00A0', ' ');
        if (ld['headline'] !== h1) problems.push(`${page.path}: headline differs from the h1`);
        if (ld['inLanguage'] !== langOf(page.path)) problems.push(`${page.path}: inLanguage ${String(ld['inLanguage'])}`);
        if (new URL(String(ld['url'])).pathname !== page.path) problems.push(`${page.path}: url ${String(ld['url'])}`);
        for (const key of ['datePublished', 'dateModified']) {
          if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/.test(String(ld[key]))) problems.push(`${page.path}: ${key} ${String(ld[key])}`);
        }
      }
      // A rendering names its original, which lists the rendering back.
      for (const [path, ld] of ldOf) {
        const original = ld['translationOfWork'] as { '@id': string } | undefined;
        const isRendering = byPath.get(path)!.root.querySelector('[data-translation-notice]') !== null;
        if (isRendering !== Boolean(original)) problems.push(`${path}: translationOfWork ${original ? 'on an original' : 'missing'}`);
        if (!original) continue;
        const back = ldOf.get(new URL(original['@id']).pathname)?.['workTranslation'] as { '@id': string }[] | undefined;
        if (!back?.some((w) => new URL(w['@id']).pathname === path)) problems.push(`${path}: its original does not list it in workTranslation`);
      }
      expect(problems).toEqual([]);
    });

    it('lists every page worth indexing in the sitemap, with reciprocal hreflang alternates', async () => {
      const robots = await readFile(join(site.dir, 'robots.txt'), 'utf8');
      const sitemapIndex = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
      expect(sitemapIndex).toMatch(/\/sitemap-index\.xml$/);
      const index = (await parseXmlFile(join(site.dir, new URL(sitemapIndex!).pathname))) as { sitemapindex: { sitemap: { loc: string }[] } };
      const urls: SitemapUrl[] = [];
      for (const { loc } of index.sitemapindex.sitemap) {
        const sitemap = (await parseXmlFile(join(site.dir, new URL(loc).pathname))) as { urlset: { url: SitemapUrl[] } };
        urls.push(...sitemap.urlset.url);
      }
      const listed = new Map(urls.map((u) => [new URL(u.loc).pathname, u]));
      expect(listed.size).toBe(urls.length);
      const articles = pages.filter(isStory).map((p) => p.path);
      expect(articles.filter((p) => !listed.has(p))).toEqual([]);
      // The sitemap is written from the content, not from the pages the build wrote: it must still
      // name every page a search engine may index (all but search, not-found and noindex pages).
      const listedPaths = new Set([...listed.keys()].map((path) => decodeURIComponent(path)));
      const indexable = pages
        .filter((p) => p.path.endsWith('/') && !/\/search\/$/.test(p.path) && !p.root.querySelector('meta[name="robots"][content="noindex"]'))
        .map((p) => p.path);
      expect(indexable.filter((p) => !listedPaths.has(p))).toEqual([]);
      const problems: string[] = [];
      for (const [path, url] of listed) {
        // A page named in Thai (a topic addressed by its Thai tag) is listed percent-encoded, as a URL must be.
        if (!exists(decodeURIComponent(path))) problems.push(`${path}: listed but not built`);
        if (/\/404(\.html|\/)$|\/search\/$/.test(path)) problems.push(`${path}: should not be listed`);
        const links = url['xhtml:link'] ?? [];
        const set = links.map((l) => `${l.hreflang} ${new URL(l.href).pathname}`).sort();
        if (links.length > 0 && !set.includes(`${path === '/' ? 'x-default' : langOf(path)} ${path}`)) problems.push(`${path}: its alternates leave it out`);
        for (const link of links) {
          const other = listed.get(new URL(link.href).pathname);
          const otherSet = (other?.['xhtml:link'] ?? []).map((l) => `${l.hreflang} ${new URL(l.href).pathname}`).sort();
          if (otherSet.join() !== set.join()) problems.push(`${path}: ${link.href} does not list the same alternates`);
        }
        // A story's alternates in the sitemap are those its page declares.
        if (isArticle(path)) {
          const declared = byPath
            .get(path)!
            .root.querySelectorAll('link[rel="alternate"][hreflang]')
            .map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href')!).pathname}`);
          if (declared.length > 1 && declared.sort().join() !== set.join()) problems.push(`${path}: sitemap alternates differ from the page's`);
          if (declared.length === 1 && links.length > 0) problems.push(`${path}: a one-language story has sitemap alternates`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('points og:image of every page at a 1200×630 PNG, a card of its own for each story', async () => {
      const problems: string[] = [];
      const checked = new Set<string>();
      for (const page of pages.filter((p) => /^\/(th|en)\//.test(p.path))) {
        const image = page.root.querySelector('meta[property="og:image"]')?.getAttribute('content');
        if (!image) {
          problems.push(`${page.path}: no og:image`);
          continue;
        }
        const path = new URL(image).pathname;
        const expected = site.storyCards ? `${page.path}og.png` : `/${langOf(page.path)}/og.png`;
        if (isStory(page) && path !== expected) problems.push(`${page.path}: og:image ${path}`);
        if (checked.has(path)) continue;
        checked.add(path);
        const file = join(site.dir, path);
        if (!(await stat(file).catch(() => null))) {
          problems.push(`${page.path}: ${path} missing`);
          continue;
        }
        const size = await pngSize(file);
        if (size.signature !== 'PNG' || size.width !== 1200 || size.height !== 630) problems.push(`${path}: ${JSON.stringify(size)}`);
      }
      expect(problems).toEqual([]);
    });

    it('has a not-found page per language, with search and the front page, and one for the whole site', () => {
      for (const lang of ['th', 'en'] as const) {
        const page = byPath.get(`/${lang}/404.html`);
        expect(page, `/${lang}/404.html`).toBeDefined();
        expect(page!.root.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
        expect(page!.root.querySelector(`[data-not-found] form[action="/${lang}/search/"] input[name="q"]`)).not.toBeNull();
        expect(page!.root.querySelector(`[data-not-found] a[href="/${lang}/"]`)).not.toBeNull();
      }
      const root = byPath.get('/404.html')!;
      expect(root.root.querySelectorAll('[data-not-found-lang]').map((s) => s.getAttribute('lang'))).toEqual(['th', 'en']);
      expect(root.root.querySelector('form[action="/en/search/"]')).not.toBeNull();
      expect(root.root.querySelector('form[action="/th/search/"]')).not.toBeNull();
    });
  });
}

describe('the seed site in its feeds', () => {
  it('carries both seed stories in both languages, each linking the other language', async () => {
    for (const lang of ['th', 'en'] as const) {
      const doc = (await parseXmlFile(join(inject('seedDir'), lang, 'rss.xml'))) as { rss: { channel: { item: RssItem[] } } };
      for (const slug of seedSlugs) {
        const item = doc.rss.channel.item.find((i) => i.link.endsWith(`/${lang}/articles/${slug}/`));
        expect(item?.title).toBe(frontmatterValue(slug, lang, 'title'));
        expect(item?.['atom:link']?.[0]).toMatchObject({ rel: 'alternate', hreflang: lang === 'th' ? 'en' : 'th' });
      }
    }
  });
});

describe('not-found pages in a browser', () => {
  const fixtureUrl = inject('fixtureUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offer the Thai original when a story has no English version', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${fixtureUrl}/en/articles/${fixture.thaiOnly}/`);
    expect(response?.status()).toBe(404);
    const note = page.locator('[data-not-found-lang="en"] [data-story-in="th"]');
    await note.waitFor({ state: 'visible' });
    expect(await note.textContent()).toContain('This story is only available in Thai.');
    expect(await note.locator('a').getAttribute('href')).toBe(`/th/articles/${fixture.thaiOnly}/`);
    // The reader came from an English URL: English first.
    expect(await page.locator('[data-not-found-lang]').first().getAttribute('lang')).toBe('en');
    await page.close();
  });

  it('offer nothing for a story that exists nowhere', async () => {
    const page = await browser.newPage();
    await page.goto(`${fixtureUrl}/en/articles/no-such-story/`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-story-in]:visible').count()).toBe(0);
    await page.close();
  });

  it('put the reader’s language first, and show both languages without JavaScript', async () => {
    const english = await browser.newContext({ locale: 'en-US' });
    const page = await english.newPage();
    await page.goto(`${fixtureUrl}/no/such/page`);
    expect(await page.locator('[data-not-found-lang]').first().getAttribute('lang')).toBe('en');
    await english.close();

    const noScript = await browser.newContext({ locale: 'en-US', javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${fixtureUrl}/no/such/page`);
    expect(await plain.locator('[data-not-found-lang]').evaluateAll((s) => s.map((e) => e.getAttribute('lang')))).toEqual(['th', 'en']);
    // The site header's search box, and one per language in the page.
    expect(await plain.locator('form[role="search"]:visible').count()).toBe(3);
    expect(await plain.locator('header a[href="/th/"]').count()).toBeGreaterThan(0);
    await noScript.close();
  });
});
