import { describe, expect, it } from 'vitest';
import { changedPages, changedStories, digestOnce, pageFile, planPages, propsDigest, routePath, startPublishState } from '../../src/lib/page-digest.ts';

const entry = (id: string, digest: string, body = 'long body') => ({ id, collection: 'articles', digest, body, data: { title: id } });

describe('page digests', () => {
  it('count a content entry by its digest, not its body, and see every other change', () => {
    const a = propsDigest({ story: entry('x', 'd1'), lang: 'th' }, 'page');
    expect(propsDigest({ story: entry('x', 'd1', 'another body'), lang: 'th' }, 'page')).toBe(a);
    expect(propsDigest({ story: entry('x', 'd2'), lang: 'th' }, 'page')).not.toBe(a);
    expect(propsDigest({ story: entry('x', 'd1'), lang: 'en' }, 'page')).not.toBe(a);
    expect(propsDigest({ items: new Map([['a', 1]]) }, 'page')).not.toBe(propsDigest({ items: new Map([['a', 2]]) }, 'page'));
    expect(propsDigest({ when: new Date('2025-01-01') }, 'page')).not.toBe(propsDigest({ when: new Date('2025-01-02') }, 'page'));
  });

  it('count an object marked digestOnce by its own digest, which sees what it holds', () => {
    const story = (digest: string, title = 'x') => digestOnce({ slug: 'x', title, versions: { th: entry('x/th', digest) } });
    const shown = story('d1');
    const a = propsDigest({ story: shown, related: [{ story: shown, lang: 'th' }] }, 'page');
    expect(propsDigest({ story: story('d1'), related: [{ story: story('d1'), lang: 'th' }] }, 'page')).toBe(a);
    expect(propsDigest({ story: story('d2'), related: [{ story: shown, lang: 'th' }] }, 'page')).not.toBe(a);
    expect(propsDigest({ story: shown, related: [{ story: story('d1', 'y'), lang: 'th' }] }, 'page')).not.toBe(a);
    // Marked or not, a page that holds different stories gets a different digest.
    expect(propsDigest({ story: { slug: 'x', title: 'x', versions: { th: entry('x/th', 'd1') } }, related: [] }, 'page')).not.toBe(
      propsDigest({ story: { slug: 'x', title: 'x', versions: { th: entry('x/th', 'd2') } }, related: [] }, 'page'),
    );
    expect(() => propsDigest({ story: digestOnce({ pick: () => 1 }) }, '/th/')).toThrow(/\/th\/: the prop "pick" is a function/);
  });

  it('refuse a function in props, naming the page and the prop', () => {
    expect(() => propsDigest({ desks: () => 1 }, '/th/articles/x/')).toThrow(/\/th\/articles\/x\/: the prop "desks" is a function/);
  });

  it("give each route's page its URL path and file", () => {
    expect(routePath('/[lang]/archive/[...page]/', { lang: 'th', page: undefined })).toBe('/th/archive/');
    expect(routePath('/[lang]/archive/[...page]/', { lang: 'en', page: 2 })).toBe('/en/archive/2/');
    expect(routePath('/[lang]/articles/[slug]/og.png', { lang: 'th', slug: 'a-b' })).toBe('/th/articles/a-b/og.png');
    expect(() => routePath('/[lang]/articles/[slug]/', { lang: 'th' })).toThrow(/\[slug\]/);
    expect(pageFile('/th/')).toBe('/th/index.html');
    expect(pageFile('/th/og.png')).toBe('/th/og.png');
  });

  it('plan which pages to build, keep and remove', () => {
    const current = new Map([
      ['/a/', '1'],
      ['/b/', '2'],
      ['/c/', '3'],
    ]);
    expect(planPages({ '/a/': '1', '/b/': 'old', '/gone/': '9' }, current)).toEqual({ build: ['/b/', '/c/'], keep: ['/a/'], gone: ['/gone/'] });
    expect(planPages(null, current)).toEqual({ build: ['/a/', '/b/', '/c/'], keep: [], gone: [] });
    expect(
      changedStories(
        { a: '1', b: '2', gone: '3' },
        new Map([
          ['a', '1'],
          ['b', 'x'],
          ['new', '4'],
        ]),
      ),
    ).toBe(3);
  });

  it('keep only the changed pages in an incremental build, and record every page', () => {
    const paths = ['a', 'b'].map((slug) => ({ params: { lang: 'th', slug }, props: { story: entry(slug, `d-${slug}`) } }));
    const full = startPublishState('code', null);
    expect(changedPages('/[lang]/articles/[slug]/', paths)).toHaveLength(2);
    const recorded = Object.fromEntries(full.current);
    const next = startPublishState('code', recorded);
    const edited = [paths[0]!, { ...paths[1]!, props: { story: entry('b', 'd-b2') } }];
    expect(changedPages('/[lang]/articles/[slug]/', edited).map((p) => p.params.slug)).toEqual(['b']);
    expect([...next.current.keys()]).toEqual(['/th/articles/a/', '/th/articles/b/']);
  });
});
