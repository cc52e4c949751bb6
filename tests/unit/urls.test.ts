import { describe, expect, it } from 'vitest';
import { clampPage } from '../../src/lib/page-view.ts';
import {
  archivePath,
  articlePath,
  decodeSitePath,
  homePath,
  langOfPath,
  listingMonthPath,
  listingPath,
  listingYearPath,
  localizeUrl,
  pageCount,
  parseArticlePath,
  sectionPath,
  translationOf,
} from '../../src/lib/urls.ts';

describe('localizeUrl', () => {
  const cases: [string, 'th' | 'en', string][] = [
    ['/th/', 'en', '/en/'],
    ['/en/', 'th', '/th/'],
    ['/th/', 'th', '/th/'],
    ['/th', 'en', '/en/'],
    ['/', 'en', '/en/'],
    ['/', 'th', '/th/'],
    ['/th/articles/putin/', 'en', '/en/articles/putin/'],
    ['/th/articles/putin', 'en', '/en/articles/putin/'],
    ['/en/archive/3/', 'th', '/th/archive/3/'],
    ['/th/sections/world/?x=1#p5', 'en', '/en/sections/world/?x=1#p5'],
    ['/th/articles/putin/#p-5', 'en', '/en/articles/putin/#p-5'],
    ['/archive/', 'th', '/th/archive/'],
    ['/th/rss.xml', 'en', '/en/rss.xml'],
    ['/thai-news/', 'en', '/en/thai-news/'],
    ['/en?q=ปูติน', 'th', '/th/?q=ปูติน'],
  ];
  for (const [input, lang, expected] of cases) {
    it(`${input} in ${lang} → ${expected}`, () => expect(localizeUrl(input, lang)).toBe(expected));
  }

  it('rejects anything that is not a site path', () => {
    expect(() => localizeUrl('th/articles/x/', 'en')).toThrow(/starting with "\/"/);
    expect(() => localizeUrl('https://example.com/th/', 'en')).toThrow();
  });
});

describe('translationOf', () => {
  it('returns the page in the language when the story has it, else null', () => {
    const both = { slug: 'putin', languages: ['th', 'en'] as const };
    const thaiOnly = { slug: 'rice', languages: ['th'] as const };
    const englishOnly = { slug: 'chips', languages: ['en'] as const };
    expect(translationOf(both, 'en')).toBe('/en/articles/putin/');
    expect(translationOf(both, 'th')).toBe('/th/articles/putin/');
    expect(translationOf(thaiOnly, 'en')).toBeNull();
    expect(translationOf(thaiOnly, 'th')).toBe('/th/articles/rice/');
    expect(translationOf(englishOnly, 'th')).toBeNull();
    expect(translationOf(englishOnly, 'en')).toBe('/en/articles/chips/');
  });
});

describe('page paths', () => {
  it('build directory URLs in each language', () => {
    expect(homePath('th')).toBe('/th/');
    expect(articlePath('en', 'a-b')).toBe('/en/articles/a-b/');
    expect(archivePath('th')).toBe('/th/archive/');
    expect(sectionPath('th', 'world')).toBe('/th/sections/world/');
  });

  it('build the pages of a listing by month, with Common Era years and two-digit months', () => {
    const world = { kind: 'section', section: 'world' } as const;
    expect(listingPath('en', { kind: 'archive' })).toBe('/en/archive/');
    expect(listingYearPath('th', world, 2025)).toBe('/th/sections/world/2025/');
    expect(listingMonthPath('th', { kind: 'archive' }, { year: 2025, month: 3 })).toBe('/th/archive/2025/03/');
    expect(listingMonthPath('en', world, { year: 2024, month: 12 }, 2)).toBe('/en/sections/world/2024/12/2/');
    // The old count-paginated addresses, kept as pages that point into the months.
    expect(listingPath('th', { kind: 'archive' }, 4)).toBe('/th/archive/4/');
    expect(() => listingPath('th', world, 0)).toThrow(RangeError);
    expect(() => listingMonthPath('th', world, { year: 2025, month: 1 }, 1.5)).toThrow(RangeError);
  });

  it('read the language of a path', () => {
    expect(langOfPath('/th/articles/x/')).toBe('th');
    expect(langOfPath('/en/')).toBe('en');
    expect(langOfPath('/')).toBeNull();
    expect(langOfPath('/thai/')).toBeNull();
  });

  it('count pages, an empty listing still having one', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
    expect(clampPage(3, 2)).toBe(2);
    expect(clampPage(1, 5)).toBe(1);
    expect(clampPage(2, 1)).toBe(1);
  });
});

describe('parseArticlePath', () => {
  it('reverses articlePath, with or without the slashes', () => {
    expect(parseArticlePath(articlePath('th', 'putin-visits-china'))).toEqual({ lang: 'th', slug: 'putin-visits-china' });
    expect(parseArticlePath('en/articles/rice-2/')).toEqual({ lang: 'en', slug: 'rice-2' });
    expect(parseArticlePath('/en/articles/rice')).toEqual({ lang: 'en', slug: 'rice' });
  });
  it('refuses every other path', () => {
    for (const path of ['/fr/articles/x/', '/th/articles/x/side-by-side/', '/th/archive/2/', '/th/articles/Bad_Slug/', '/th/articles//']) {
      expect(parseArticlePath(path), path).toBeNull();
    }
  });
});

describe('decodeSitePath', () => {
  it('is the file a browser asks for: escapes decoded, query and fragment dropped', () => {
    expect(decodeSitePath('/images/%E0%B8%A0%E0%B8%B2%E0%B8%9E.jpg?v=2#top')).toBe('/images/ภาพ.jpg');
    expect(decodeSitePath('/images/%2e./%2E./etc/passwd')).toBe('/images/../../etc/passwd');
  });
  it('is null for an escape a browser cannot decode', () => {
    expect(decodeSitePath('/images/50%off.jpg')).toBeNull();
  });
});
