import { describe, expect, it } from 'vitest';
import { deskDirectory, languageOfName, standalone, storyCredits } from '../../src/lib/credits.ts';

const desks = deskDirectory([
  { th: 'โต๊ะข่าวต่างประเทศ', en: 'the foreign news desk' },
  { th: 'เอเอฟพี', en: 'AFP' },
]);

describe("credits in the reader's language", () => {
  it('finds a desk by its name in either language, whatever the case, spacing or a leading "the"', () => {
    expect(desks('โต๊ะข่าวต่างประเทศ', 'en')).toEqual({ text: 'the foreign news desk', lang: 'en' });
    expect(desks('Foreign news desk', 'th')).toEqual({ text: 'โต๊ะข่าวต่างประเทศ', lang: 'th' });
    expect(desks('  The  Foreign News Desk ', 'en')).toEqual({ text: 'the foreign news desk', lang: 'en' });
    expect(desks('AFP', 'th')).toEqual({ text: 'เอเอฟพี', lang: 'th' });
  });

  it('shows an unknown name as written, marked with the language of its letters', () => {
    expect(desks('สำนักข่าวอื่น', 'en')).toEqual({ text: 'สำนักข่าวอื่น', lang: 'th' });
    expect(desks('Somchai Dee', 'th')).toEqual({ text: 'Somchai Dee', lang: 'en' });
    expect(languageOfName('ABC ข่าว')).toBe('th');
  });

  it('capitalises a name that stands alone, and leaves Thai as it is', () => {
    expect(standalone({ text: 'the foreign news desk', lang: 'en' }).text).toBe('The foreign news desk');
    expect(standalone({ text: 'โต๊ะข่าว', lang: 'th' }).text).toBe('โต๊ะข่าว');
  });

  it("takes the original's byline and source, unless the rendering sets its own", () => {
    const original = { byline: 'โต๊ะข่าวต่างประเทศ', source: 'AFP' };
    const rendering = { translation: { translator: 'Machine translation', machine: true, reviewed: true, reviewer: 'Foreign news desk' } };
    const en = storyCredits(original, rendering, 'en', desks);
    expect(en.byline).toEqual({ text: 'the foreign news desk', lang: 'en' });
    expect(en.source).toEqual({ text: 'AFP', lang: 'en' });
    expect(en.translation?.reviewer).toEqual({ text: 'the foreign news desk', lang: 'en' });
    const own = storyCredits(original, { ...rendering, byline: 'Somchai Dee' }, 'en', desks);
    expect(own.byline).toEqual({ text: 'Somchai Dee', lang: 'en' });
    const th = storyCredits(original, original, 'th', desks);
    expect(th.translation).toBeNull();
    expect(th.source).toEqual({ text: 'เอเอฟพี', lang: 'th' });
    expect(storyCredits({ source: 'AFP' }, {}, 'th', desks).byline).toBeNull();
  });
});

describe('list files beside the stories', () => {
  it('name the file, the entry and the field of every problem', async () => {
    const { z } = await import('astro/zod');
    const { parseListFile } = await import('../../src/lib/list-file.ts');
    const schema = z.strictObject({ th: z.string().min(1), en: z.string().min(1) });
    expect(parseListFile('- th: ก\n  en: a\n', 'content/desks.yaml', schema, 'e.g.')).toEqual([{ th: 'ก', en: 'a' }]);
    expect(parseListFile('', 'content/desks.yaml', schema, 'e.g.')).toEqual([]);
    expect(() => parseListFile('- th: ก\n- th: ข\n  en: b\n  extra: 1\n', 'content/desks.yaml', schema, 'e.g.')).toThrow(
      /content\/desks\.yaml:1: entry 1\.en: is missing\. Fix: each entry looks like:[\s\S]*content\/desks\.yaml:2: entry 2: .*"extra"/,
    );
    expect(() => parseListFile('th: [', 'content/desks.yaml', schema, 'e.g.')).toThrow(/content\/desks\.yaml:1: the file is not valid YAML/);
    expect(() => parseListFile('th: ก', 'content/desks.yaml', schema, 'e.g.')).toThrow(/not a list of entries/);
  });
});
