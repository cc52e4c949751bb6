import { describe, expect, it } from 'vitest';
import { formerAddresses, redirectsFile } from '../../src/lib/redirects.ts';
import { buildStories } from '../../src/lib/story-model.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { problemsOf, storyFile } from '../support/story-files.ts';

const published = new Date('2025-03-05T10:00:00+07:00');
const original = (id: string, formerSlugs?: string[]) => storyFile(id, { published, formerSlugs });
const rendering = (id: string) => storyFile(id, { translation: {} });

describe('renamed stories', () => {
  it('lead each former address, in every language and side by side, to the story', () => {
    const stories = buildStories([
      original('putin-myanmar/th', ['putin-praises', 'old-putin']),
      rendering('putin-myanmar/en'),
      original('rice/th', ['rice-old']),
    ]);
    expect(formerAddresses(stories).map(({ from, to }) => `${from} ${to}`)).toEqual([
      '/en/articles/old-putin/ /en/articles/putin-myanmar/',
      '/en/articles/old-putin/side-by-side/ /en/articles/putin-myanmar/side-by-side/',
      '/en/articles/putin-praises/ /en/articles/putin-myanmar/',
      '/en/articles/putin-praises/side-by-side/ /en/articles/putin-myanmar/side-by-side/',
      '/th/articles/old-putin/ /th/articles/putin-myanmar/',
      '/th/articles/old-putin/side-by-side/ /th/articles/putin-myanmar/side-by-side/',
      '/th/articles/putin-praises/ /th/articles/putin-myanmar/',
      '/th/articles/putin-praises/side-by-side/ /th/articles/putin-myanmar/side-by-side/',
      '/th/articles/rice-old/ /th/articles/rice/',
    ]);
    expect(redirectsFile(formerAddresses(stories.filter((s) => s.slug === 'rice')))).toBe('/th/articles/rice-old/ /th/articles/rice/ 301\n');
  });

  it('refuse a former slug that is another story’s slug, the story’s own, or another story’s former slug, naming file, field and fix', () => {
    const problems = problemsOf([original('a/th', ['b']), original('b/th'), original('c/th', ['c', 'gone']), original('d/th', ['gone'])]);
    expect(problems).toEqual([
      'content/articles/a/th.mdx: formerSlugs: "b" is the slug of another story (content/articles/b/), so its address cannot lead here. Fix: remove "b" from formerSlugs, or rename that story\'s folder',
      'content/articles/c/th.mdx: formerSlugs: "c" is this story\'s own slug. Fix: remove "c" from formerSlugs',
      expect.stringMatching(/^content\/articles\/d\/th\.mdx: formerSlugs: "gone" is also a former slug of content\/articles\/c\/th\.mdx.*Fix: /),
    ]);
  });

  it('take slugs only, in the original only', () => {
    const base = { title: 'ข่าว', summary: 'สรุป', published: '2025-03-05T10:00:00+07:00', section: 'world', byline: 'โต๊ะข่าว' };
    expect(articleSchema.safeParse({ ...base, formerSlugs: ['old-name'] }).success).toBe(true);
    const bad = articleSchema.safeParse({ ...base, formerSlugs: ['Old Name'] });
    expect(bad.error?.issues[0]?.path).toEqual(['formerSlugs', 0]);
    expect(bad.error?.issues[0]?.message).toContain('Fix:');
    const inRendering = articleSchema.safeParse({
      title: 'News',
      summary: 'Dek',
      formerSlugs: ['x'],
      translation: { translator: 'Desk', machine: false, reviewed: true },
    });
    expect(inRendering.error?.issues.map((i) => i.path[0])).toEqual(['formerSlugs']);
  });
});
