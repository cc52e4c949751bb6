import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { channelData, escapeXml, feedItem, feedNamespaces } from '../../src/lib/feeds/rss.ts';
import { otherVersionOf, readerLanguage } from '../../src/lib/not-found.ts';
import { createPageView, pageInBothLanguages } from '../../src/lib/page-view.ts';
import { articleMeta } from '../../src/lib/seo/article-meta.ts';
import type { ArticleData } from '../../src/schemas/article.ts';
import { socialMetaTags } from '../../src/lib/seo/head.ts';
import { newsArticleJsonLd, serializeJsonLd } from '../../src/lib/seo/json-ld.ts';
import { robotsTxt, sitemapIndexXml, storiesSitemapFile, urlsetXml, withAlternates } from '../../src/lib/seo/sitemap.ts';
import { buildStories, type StoryFile } from '../../src/lib/story-model.ts';

const site = new URL('https://news.example/');
/** Stories with their own social cards, the site's default. */
const cards = { storyCards: true };
const published = new Date('2025-03-05T10:00:00+07:00');

function data(fields: Partial<ArticleData> & Pick<ArticleData, 'title' | 'summary'>): ArticleData {
  return { tags: [], related: [], corrections: [], ...fields };
}

function story(files: StoryFile<ArticleData>[]) {
  const [built] = buildStories(files);
  return { ...built!, section: 'world' as const };
}

const translated = story([
  {
    id: 'putin/th',
    data: data({ title: 'ปูตินเยือนจีน', summary: 'สรุป', published, section: 'world', byline: 'โต๊ะข่าวต่างประเทศ', source: 'AFP', tags: ['รัสเซีย'] }),
  },
  { id: 'putin/en', data: data({ title: 'Putin visits China', summary: 'Dek', translation: { translator: 'Foreign desk', machine: true, reviewed: true } }) },
]);
const thaiOnly = story([{ id: 'rice/th', data: data({ title: 'ราคาข้าว', summary: 'สรุป', published, section: 'economy', byline: 'โต๊ะข่าว' }) }]);

describe('article metadata', () => {
  it('names the original of a rendering and the renderings of an original', () => {
    const en = articleMeta(translated, 'en', cards);
    expect(en.original).toEqual({ lang: 'th', path: '/th/articles/putin/' });
    expect(en.others).toEqual([{ lang: 'th', path: '/th/articles/putin/' }]);
    expect(en.authors).toEqual(['โต๊ะข่าวต่างประเทศ', 'AFP']);
    expect(en.section).toBe('World');
    expect(en.card).toBe('/en/articles/putin/og.png');
    const th = articleMeta(translated, 'th', cards);
    expect(th.original).toBeNull();
    expect(th.others).toEqual([{ lang: 'en', path: '/en/articles/putin/' }]);
    expect(articleMeta(thaiOnly, 'th', cards).others).toEqual([]);
    expect(() => articleMeta(thaiOnly, 'en', cards)).toThrow(/no en version/);
  });
});

describe('JSON-LD', () => {
  it('describes a rendering as a NewsArticle translated from its original', () => {
    const ld = newsArticleJsonLd(articleMeta(translated, 'en', cards), site);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Putin visits China',
      inLanguage: 'en',
      datePublished: '2025-03-05T10:00:00+07:00',
      dateModified: '2025-03-05T10:00:00+07:00',
      author: [
        { '@type': 'Organization', name: 'โต๊ะข่าวต่างประเทศ' },
        { '@type': 'Organization', name: 'AFP' },
      ],
      publisher: { '@type': 'Organization', name: 'Bilingual News' },
      image: ['https://news.example/en/articles/putin/og.png'],
      translator: { '@type': 'Organization', name: 'Foreign desk' },
      isBasedOn: 'https://news.example/th/articles/putin/',
      translationOfWork: { '@id': 'https://news.example/th/articles/putin/', inLanguage: 'th' },
    });
    expect(ld['workTranslation']).toBeUndefined();
  });

  it('lists the renderings of an original', () => {
    const ld = newsArticleJsonLd(articleMeta(translated, 'th', cards), site);
    expect(ld['workTranslation']).toEqual([
      { '@type': 'NewsArticle', '@id': 'https://news.example/en/articles/putin/', url: 'https://news.example/en/articles/putin/', inLanguage: 'en' },
    ]);
    expect(ld['translationOfWork']).toBeUndefined();
  });

  it('cannot be broken out of: "<" is escaped, and the JSON reads back the same', () => {
    const hostile = { '@type': 'NewsArticle', headline: '</script><script>alert(1)</script> & <!-- \u2028' };
    const json = serializeJsonLd(hostile);
    expect(json).not.toMatch(/[<>]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(hostile);
  });
});

describe('Open Graph and Twitter tags', () => {
  const tags = (view: ReturnType<typeof createPageView>) => new Map(socialMetaTags(view, site).map((t) => [t.key, t.content]));

  it('give a story its card, type, locales and dates', () => {
    const article = articleMeta(translated, 'en', cards);
    const view = createPageView({
      kind: 'article',
      lang: 'en',
      path: article.path,
      title: article.title,
      description: article.summary,
      alternatePath: '/th/articles/putin/',
      article,
    });
    const t = tags(view);
    expect(t.get('og:type')).toBe('article');
    expect(t.get('og:locale')).toBe('en_US');
    expect(t.get('og:locale:alternate')).toBe('th_TH');
    expect(t.get('og:image')).toBe('https://news.example/en/articles/putin/og.png');
    expect(t.get('og:url')).toBe('https://news.example/en/articles/putin/');
    expect(t.get('article:published_time')).toBe('2025-03-05T10:00:00+07:00');
    expect(t.get('twitter:card')).toBe('summary_large_image');
    // X falls back to the Open Graph tags; repeating them would only weigh on every page.
    expect([...t.keys()].filter((k) => k.startsWith('twitter:'))).toEqual(['twitter:card']);
  });

  it('give other pages the site card, and no alternate locale where there is no other language', () => {
    const article = articleMeta(thaiOnly, 'th', cards);
    const story = tags(
      createPageView({ kind: 'article', lang: 'th', path: article.path, title: article.title, description: '', alternatePath: null, article }),
    );
    expect(story.has('og:locale:alternate')).toBe(false);
    const home = tags(createPageView({ kind: 'home', lang: 'th', path: '/th/', title: 'หน้าแรก', description: '', alternatePath: '/en/' }));
    expect(home.get('og:type')).toBe('website');
    expect(home.get('og:image')).toBe('https://news.example/th/og.png');
  });

  it('give a page with the same place in both languages its path in each', () => {
    const view = pageInBothLanguages({ kind: 'topics', lang: 'en', pathIn: (lang) => `/${lang}/topics/`, title: 'Topics', description: 'All topics' });
    expect(view).toMatchObject({ kind: 'topics', lang: 'en', otherLang: 'th', path: '/en/topics/', alternatePath: '/th/topics/', title: 'Topics' });
    expect(view.description).toBe('All topics');
  });
});

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false });

  it('carry the dek, section, bylines and the other-language link of each story', () => {
    const item = feedItem(articleMeta(translated, 'th', cards), site);
    expect(item).toMatchObject({
      title: 'ปูตินเยือนจีน',
      link: 'https://news.example/th/articles/putin/',
      description: 'สรุป',
      categories: ['ต่างประเทศ'],
      pubDate: published,
    });
    const xml = `<item xmlns:atom="${feedNamespaces.atom}" xmlns:dc="${feedNamespaces.dc}">${item.customData}</item>`;
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).item['atom:link']).toMatchObject({
      '@_rel': 'alternate',
      '@_hreflang': 'en',
      '@_href': 'https://news.example/en/articles/putin/',
    });
    expect(feedItem(articleMeta(thaiOnly, 'th', cards), site).customData).not.toContain('atom:link');
  });

  it('escape what they put in XML themselves', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const hostile = story([{ id: 'x/th', data: data({ title: 't', summary: 's', published, section: 'world', byline: 'A & B <desk>' }) }]);
    const xml = `<item xmlns:dc="${feedNamespaces.dc}">${feedItem(articleMeta(hostile, 'th', cards), site).customData}</item>`;
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).item['dc:creator']).toBe('A & B <desk>');
  });

  it('name their language and their own address', () => {
    const xml = `<channel xmlns:atom="${feedNamespaces.atom}">${channelData('en', site, published)}</channel>`;
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).channel).toMatchObject({ language: 'en', 'atom:link': { '@_rel': 'self', '@_href': 'https://news.example/en/rss.xml' } });
  });
});

describe('sitemap and robots.txt', () => {
  it('pair each page with the same address in the other language, and "/" as x-default with both front pages', () => {
    const entries = withAlternates(['/', '/th/', '/en/', '/th/articles/a/', '/en/articles/a/', '/th/articles/thai-only/', '/th/archive/2025/03/']);
    const of = (path: string) => entries.find((e) => e.path === path)!.alternates.map((a) => `${a.hreflang} ${a.path}`);
    expect(of('/')).toEqual(['x-default /', 'en /en/', 'th /th/']);
    expect(of('/th/')).toEqual(of('/'));
    expect(of('/en/articles/a/')).toEqual(['en /en/articles/a/', 'th /th/articles/a/']);
    expect(of('/th/articles/thai-only/')).toEqual([]);
    expect(of('/th/archive/2025/03/')).toEqual([]);
  });

  it('write valid XML with absolute, percent-encoded addresses', () => {
    const xml = urlsetXml(withAlternates(['/th/topics/จีน/', '/en/topics/จีน/']), site);
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<loc>https://news.example/en/topics/%E0%B8%88%E0%B8%B5%E0%B8%99/</loc>');
    expect(xml).toContain('hreflang="th" href="https://news.example/th/topics/%E0%B8%88%E0%B8%B5%E0%B8%99/"');
    const index = sitemapIndexXml([storiesSitemapFile({ year: 2025, month: 3 }), 'listings'], site);
    expect(SyntaxValidator.validate(index)).toBe(true);
    expect(index).toContain('<loc>https://news.example/sitemaps/stories-2025-03.xml</loc>');
  });

  it('point robots at the sitemap index on the configured site', () => {
    expect(robotsTxt(site)).toContain('Sitemap: https://news.example/sitemap-index.xml');
  });
});

describe('not-found pages', () => {
  it('find the other-language page of a missing story URL', () => {
    expect(otherVersionOf('/en/articles/thai-only-story/')).toEqual({ lang: 'th', path: '/th/articles/thai-only-story/' });
    expect(otherVersionOf('/th/articles/english-story')).toEqual({ lang: 'en', path: '/en/articles/english-story/' });
    expect(otherVersionOf('/en/archive/9/')).toBeNull();
    expect(otherVersionOf('/fr/articles/x/')).toBeNull();
    expect(otherVersionOf('/en/articles/../../etc/')).toBeNull();
  });

  it('show first the language of the URL, else the reader’s choice, else the browser’s', () => {
    expect(readerLanguage('/en/nothing/', 'th', ['th'])).toBe('en');
    expect(readerLanguage('/nothing', 'en', ['th-TH'])).toBe('en');
    expect(readerLanguage('/nothing', null, ['fr', 'en-GB', 'th'])).toBe('en');
    expect(readerLanguage('/nothing', 'xx', ['th-TH', 'en'])).toBe('th');
    expect(readerLanguage('/nothing', null, [])).toBe('th');
  });
});
