import { describe, expect, it } from 'vitest';
import { checkTimestampLines } from '../../src/lib/frontmatter-checks.ts';
import { buildStories, storyFolder } from '../../src/lib/story-model.ts';
import { problemsOf, storyFile } from '../support/story-files.ts';

const published = new Date('2025-03-05T10:00:00+07:00');
const original = (id: string, date = published) => storyFile(id, { published: date });
const rendering = (id: string) => storyFile(id, { translation: { translator: 'x', machine: true, reviewed: true } });

describe('buildStories', () => {
  it('pairs a Thai original with its English rendering', () => {
    const [story] = buildStories([original('putin/th'), rendering('putin/en')]);
    expect(story?.slug).toBe('putin');
    expect(story?.originalLang).toBe('th');
    expect(story?.languages).toEqual(['th', 'en']);
    expect(story?.published).toEqual(published);
    expect(story?.updated).toEqual(published);
  });

  it('accepts an English original with a Thai rendering, original first', () => {
    const [story] = buildStories([rendering('chips/th'), original('chips/en')]);
    expect(story?.originalLang).toBe('en');
    expect(story?.languages).toEqual(['en', 'th']);
  });

  it('accepts a story in one language only', () => {
    expect(buildStories([original('rice/th')])[0]?.languages).toEqual(['th']);
  });

  it('sorts newest first, slug breaking ties', () => {
    const older = new Date('2024-01-01T00:00:00+07:00');
    const stories = buildStories([original('b/th', older), original('c/th'), original('a/th')]);
    expect(stories.map((s) => s.slug)).toEqual(['a', 'c', 'b']);
  });

  it('takes the slug from the folder, so nested year folders work', () => {
    expect(buildStories([original('2025/03/putin/th')])[0]?.slug).toBe('putin');
  });

  it('rejects a rendering without an original, naming the file and the fix', () => {
    const [problem] = problemsOf([rendering('orphan/en')]);
    expect(problem).toContain('content/articles/orphan/en.mdx');
    expect(problem).toContain('has no original');
    expect(problem).toContain('Fix:');
  });

  it('rejects two originals of one story', () => {
    expect(problemsOf([original('twice/th'), original('twice/en')])[0]).toMatch(/both .* claim to be the original/);
  });

  it('rejects two stories with the same slug in different folders', () => {
    const [problem] = problemsOf([original('2024/putin/th'), original('2025/putin/th')]);
    expect(problem).toContain('content/articles/2025/putin/th.mdx');
    expect(problem).toContain('the slug "putin" is already used by content/articles/2024/putin/th.mdx');
  });

  it('reports the same duplicate slug whatever order the files arrive in', () => {
    const [problem] = problemsOf([original('2025/putin/th'), original('2024/putin/th')]);
    expect(problem).toContain('content/articles/2025/putin/th.mdx: ');
    expect(problem).toContain('already used by content/articles/2024/putin/th.mdx');
  });

  it('rejects a file named for no language, and a folder name that is no slug', () => {
    expect(problemsOf([original('putin/fr')])[0]).toContain('"fr" is not a language of the site');
    expect(problemsOf([original('Putin Visit/th')])[0]).toContain('not a valid slug');
    expect(problemsOf([original('th')])[0]).toContain('not in a folder of its own');
  });

  it('reports every problem at once', () => {
    expect(problemsOf([rendering('a/en'), original('b/xx'), original('c/th')])).toHaveLength(2);
  });
});

describe('storyFolder', () => {
  it('is the folder of a story file, from its entry id or its path', () => {
    expect(storyFolder('2025/putin-myanmar/th')).toBe('2025/putin-myanmar');
    expect(storyFolder('content/articles/putin-myanmar/th.mdx')).toBe('content/articles/putin-myanmar');
    expect(storyFolder('th')).toBe('');
  });
});

describe('checkTimestampLines', () => {
  const file = 'content/articles/x/th.mdx';
  const now = new Date('2025-06-01T00:00:00Z');
  const check = (frontmatter: string) => checkTimestampLines(`---\n${frontmatter}\n---\nbody\n`, file, now);
  it('accepts timestamps with an offset, quoted or not', () => {
    expect(check('published: 2025-03-05T10:00:00+07:00\nupdated: "2025-03-06T08:00:00+07:00"')).toEqual({ errors: [], warnings: [] });
  });
  it('rejects a bare date and a time without offset, naming file, line and field', () => {
    const { errors } = check('title: x\npublished: 2025-03-05\nupdated: 2025-03-06T10:00:00');
    expect(errors.map((e) => e.field)).toEqual(['published', 'updated']);
    expect(errors[0]?.message).toBe(
      'content/articles/x/th.mdx:3: published: "2025-03-05" is not a date and time with a UTC offset. Fix: write it as 2025-03-05T10:00:00+07:00 (Bangkok time, with the offset)',
    );
  });
  it('ignores the body and missing fields', () => {
    expect(checkTimestampLines('---\ntitle: x\n---\npublished: yesterday\n', file, now)).toEqual({ errors: [], warnings: [] });
  });
  it('refuses dates that do not exist instead of rolling them over', () => {
    const messages = (value: string) => check(`published: ${value}`).errors.map((e) => e.message);
    expect(messages('2025-02-30T10:00:00+07:00')).toEqual([
      'content/articles/x/th.mdx:2: published: "2025-02-30T10:00:00+07:00" has day 30, but February 2025 has 28 days. Fix: correct the date',
    ]);
    expect(messages('2024-02-29T10:00:00+07:00')).toEqual([]);
    expect(messages('2025-13-01T10:00:00+07:00')[0]).toContain('has month 13; months run from 01 to 12');
    expect(messages('2025-03-05T24:00:00+07:00')[0]).toContain('has a time that does not exist');
    expect(messages('2025-03-05T10:00:00+15:00')[0]).toContain('has a UTC offset that does not exist');
  });
  it('refuses years outside 1900–2100 and names a Buddhist-era year', () => {
    const [far] = check('published: 9999-03-05T10:00:00+07:00').errors;
    expect(far?.message).toContain('is in the year 9999, outside 1900–2100. Fix: correct the date');
    expect(far?.message).not.toContain('Buddhist');
    const [buddhist] = check('published: 2568-03-05T10:00:00+07:00').errors;
    expect(buddhist?.message).toContain('2568 looks like a Buddhist-era year: write the Common Era year (2025)');
    expect(check('published: 1899-12-31T10:00:00+07:00').errors).toHaveLength(1);
  });
  it('warns about a date more than a day ahead, and only then', () => {
    expect(check('published: 2025-06-01T20:00:00+07:00').warnings).toEqual([]);
    expect(check('updated: 2025-06-03T10:00:00+07:00').warnings).toEqual([
      'content/articles/x/th.mdx:2: updated: "2025-06-03T10:00:00+07:00" is more than a day in the future; the story is published with that date (check the year if it is not an embargo)',
    ]);
  });
});
