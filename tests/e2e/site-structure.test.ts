import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CORPUS_WAIT_MS, waitForCorpusSite } from '../support/corpus.ts';
import { listSiteFiles, pathOfFile, readBuiltPages, type BuiltPage } from '../support/site-files.ts';

/**
 * Whole-site checks on the built HTML of both test sites: every internal link and fragment
 * resolves, every page declares its language, canonical URL and reciprocal hreflang alternates.
 */
const sites = [
  { name: 'seed site', dir: inject('seedDir') },
  { name: 'fixture site', dir: inject('fixtureDir') },
  ...(inject('corpusDir') ? [{ name: 'thaigov corpus site', dir: inject('corpusDir') }] : []),
];

for (const site of sites) {
  describe(site.name, () => {
    let pages: BuiltPage[];
    let files: Set<string>;
    beforeAll(async () => {
      if (site.dir === inject('corpusDir')) await waitForCorpusSite();
      pages = await readBuiltPages(site.dir);
      files = new Set((await listSiteFiles(site.dir)).flatMap((f) => [f, pathOfFile(f)]));
    }, CORPUS_WAIT_MS);

    it('has every page type in both languages', () => {
      const paths = pages.map((p) => p.path);
      for (const lang of ['th', 'en']) {
        expect(paths).toContain(`/${lang}/`);
        expect(paths).toContain(`/${lang}/archive/`);
        expect(paths.some((p) => p.startsWith(`/${lang}/sections/`))).toBe(true);
        expect(paths.some((p) => p.startsWith(`/${lang}/articles/`))).toBe(true);
      }
      expect(paths).toContain('/');
      expect(paths).toContain('/404.html');
    });

    it('links only to pages, files and fragments that exist', () => {
      const broken: string[] = [];
      const byPath = new Map(pages.map((p) => [p.path, p]));
      for (const page of pages) {
        for (const a of page.root.querySelectorAll('a[href], link[href], script[src], img[src]')) {
          const ref = a.getAttribute('href') ?? a.getAttribute('src') ?? '';
          const url = new URL(ref, `http://site.test${page.path}`);
          if (url.origin !== 'http://site.test') continue;
          const target = decodeURIComponent(url.pathname);
          if (!files.has(target)) {
            broken.push(`${page.path} → ${ref}`);
            continue;
          }
          if (url.hash) {
            const targetPage = byPath.get(target);
            const id = decodeURIComponent(url.hash.slice(1));
            if (!targetPage?.root.getElementById(id)) broken.push(`${page.path} → ${ref} (no #${id})`);
          }
        }
      }
      expect(broken).toEqual([]);
    });

    it('declares each page language on <html> and <main>', () => {
      for (const page of pages.filter((p) => /^\/(th|en)\//.test(p.path))) {
        const lang = page.path.split('/')[1];
        expect(page.root.querySelector('html')?.getAttribute('lang'), page.path).toBe(lang);
        expect(page.root.querySelector('main')?.getAttribute('lang'), page.path).toBe(lang);
      }
    });

    it('gives every page a canonical URL to itself and reciprocal hreflang alternates', () => {
      const problems: string[] = [];
      const alternatesOf = (page: BuiltPage) =>
        new Map(
          page.root
            .querySelectorAll('link[rel="alternate"][hreflang]')
            // A page named in Thai (a topic addressed by its Thai tag) is linked percent-encoded.
            .map((l) => [l.getAttribute('hreflang')!, decodeURIComponent(new URL(l.getAttribute('href')!).pathname)]),
        );
      const byPath = new Map(pages.map((p) => [p.path, p]));
      for (const page of pages.filter((p) => /^\/(th|en)\//.test(p.path))) {
        const canonical = page.root.querySelector('link[rel="canonical"]')?.getAttribute('href');
        // A renamed story's former address names the story's new address, where it sends the reader.
        const refresh = page.root.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content');
        if (refresh) {
          if (!canonical || `0; url=${new URL(canonical).pathname}` !== refresh)
            problems.push(`${page.path}: canonical ${canonical} is not where it sends (${refresh})`);
          continue;
        }
        if (!canonical || decodeURIComponent(new URL(canonical).pathname) !== page.path) problems.push(`${page.path}: canonical ${canonical}`);
        const alternates = alternatesOf(page);
        const lang = page.path.split('/')[1]!;
        if (alternates.get(lang) !== page.path) problems.push(`${page.path}: no self hreflang`);
        for (const [hreflang, target] of alternates) {
          if (hreflang === lang || hreflang === 'x-default') continue;
          const other = byPath.get(target);
          if (!other) {
            problems.push(`${page.path}: hreflang ${hreflang} → missing ${target}`);
            continue;
          }
          // A listing page clamped to the other language's last page need not point back; stories and fronts must.
          if (/\/articles\/|^\/(th|en)\/$/.test(page.path) && alternatesOf(other).get(lang) !== page.path) {
            problems.push(`${page.path}: ${target} does not point back`);
          }
        }
        const switchLink = page.root.querySelector('[data-lang-switch]');
        const otherLang = lang === 'th' ? 'en' : 'th';
        if (switchLink) {
          if (decodeURIComponent(switchLink.getAttribute('href')!) !== alternates.get(otherLang)) problems.push(`${page.path}: switch and hreflang disagree`);
          if (switchLink.getAttribute('hreflang') !== otherLang) problems.push(`${page.path}: switch has no hreflang`);
        } else if (!page.root.querySelector('[data-no-translation]')) {
          problems.push(`${page.path}: neither a language switch nor a notice`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
}
