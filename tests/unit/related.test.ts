import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStory } from '../../src/lib/importer/parse.ts';
import { relatedStories, wordsOf, type RelatedInput } from '../../src/lib/related.ts';

const day = (n: number) => new Date(Date.UTC(2025, 0, n));
const story = (slug: string, n: number, texts: string[], topics: string[] = []): RelatedInput => ({
  slug,
  published: day(n),
  topics,
  words: texts.flatMap(wordsOf),
});

describe('related stories (hand-picked)', () => {
  const stories = [
    story('rice-prices', 10, ['ราคาข้าวหอมมะลิพุ่งสูง', 'ราคาข้าวหอมมะลิในตลาดกลางปรับตัวสูงขึ้น ชาวนาพอใจราคาข้าว'], ['ข้าว']),
    story('rice-exports', 9, ['ส่งออกข้าวหอมมะลิเพิ่มขึ้น', 'ผู้ส่งออกข้าวหอมมะลิคาดยอดส่งออกข้าวทั้งปีเพิ่มขึ้น'], ['ข้าว']),
    story('rice-exports-en', 8, ['Jasmine rice exports rise', 'Exporters expect jasmine rice exports to rise this year.'], ['rice']),
    story('rice-en', 7, ['Jasmine rice prices climb', 'Jasmine rice prices at the central market climbed, and rice farmers are pleased.'], ['rice']),
    story('flood', 6, ['น้ำท่วมภาคเหนือ', 'ฝนตกหนักทำให้น้ำท่วมหลายจังหวัดในภาคเหนือ'], ['น้ำท่วม']),
    story('flood-2', 5, ['น้ำท่วมเชียงราย', 'น้ำท่วมเชียงรายหนัก ฝนตกต่อเนื่อง'], ['น้ำท่วม']),
    story('unrelated', 4, ['การแข่งขันฟุตบอล', 'ทีมชาติไทยชนะการแข่งขันฟุตบอลนัดสำคัญ'], []),
  ];
  const related = relatedStories(stories);

  it('finds stories that share topics and words, in Thai and in English, never the story itself', () => {
    expect(related.get('rice-prices')![0]).toBe('rice-exports');
    expect(related.get('rice-en')![0]).toBe('rice-exports-en');
    expect(related.get('flood')).toEqual(['flood-2']);
    for (const [slug, list] of related) expect(list).not.toContain(slug);
  });

  it('relates nothing to a story that shares nothing', () => {
    expect(related.get('unrelated')).toEqual([]);
    expect(related.get('rice-prices')).not.toContain('flood');
  });

  it('puts the newer of two equally related stories first', () => {
    const twins = relatedStories([story('a', 3, ['ภาษีที่ดินใหม่'], ['ภาษี']), story('older', 1, ['ข่าวอื่น'], ['ภาษี']), story('newer', 2, ['ข่าวอื่นๆ'], ['ภาษี'])]);
    expect(twins.get('a')).toEqual(['newer', 'older']);
  });

  it('cuts Thai and English into lower-case words, without numbers or single letters', () => {
    expect(wordsOf('ราคาข้าวเยือนจีน Rice prices CLIMB 2024 a 1,000')).toEqual(['ราคา', 'ข้าว', 'เยือน', 'จีน', 'rice', 'prices', 'climb']);
  });
});

/*
 * A generated set with its truth by construction: each thaigov press release is cut in two halves at
 * the space nearest its middle; the two halves are one story, so each should find the other.
 */
const corpusTh = resolve(import.meta.dirname, '../../../shared/corpus/thaigov/th');
describe.skipIf(!existsSync(corpusTh))('related stories on the thaigov corpus (halves of one release find each other)', () => {
  it('ranks the other half first for most releases and in the top five for more', () => {
    const inputs: RelatedInput[] = [];
    for (const file of readdirSync(corpusTh).sort().slice(0, 600)) {
      const parsed = parseStory(readFileSync(join(corpusTh, file), 'utf8'));
      const text = parsed.versions[0]!.paragraphs.join(' ');
      if (text.length < 400 || !parsed.published) continue;
      const middle = text.indexOf(' ', text.length / 2);
      const published = new Date(parsed.published);
      inputs.push({ slug: `${file}:a`, published, topics: [], words: wordsOf(text.slice(0, middle)) });
      inputs.push({ slug: `${file}:b`, published, topics: [], words: wordsOf(text.slice(middle)) });
    }
    const related = relatedStories(inputs);
    const otherHalf = (slug: string) => slug.replace(/:(a|b)$/, (_, h: string) => (h === 'a' ? ':b' : ':a'));
    const first = inputs.filter((s) => related.get(s.slug)![0] === otherHalf(s.slug)).length / inputs.length;
    const topFive = inputs.filter((s) => related.get(s.slug)!.slice(0, 5).includes(otherHalf(s.slug))).length / inputs.length;
    console.info(`related stories, ${inputs.length} half-releases: other half first ${first.toFixed(3)}, in the top five ${topFive.toFixed(3)}`);
    expect(inputs.length).toBeGreaterThan(1000);
    expect(first).toBeGreaterThan(0.5);
    expect(topFive).toBeGreaterThan(0.7);
  }, 60_000);
});
