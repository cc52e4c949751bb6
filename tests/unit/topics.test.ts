import { describe, expect, it } from 'vitest';
import { storyTopics, tagId, topicDirectory, topicName, topicsFileProblems } from '../../src/lib/topics.ts';
import { topicPath } from '../../src/lib/urls.ts';

const entries = [
  { id: 'russia', th: 'รัสเซีย', en: 'Russia', aliases: [] },
  { id: 'united-states', th: 'สหรัฐฯ', en: 'United States', aliases: ['สหรัฐ', 'USA'] },
];
const topics = topicDirectory(entries);

describe('topics', () => {
  it('make a Thai tag and its English counterpart (or an alias) one topic', () => {
    expect(topics('รัสเซีย')).toEqual({ id: 'russia', names: { th: 'รัสเซีย', en: 'Russia' } });
    expect(topics(' russia ').id).toBe('russia');
    expect(topics('USA').id).toBe('united-states');
    expect(topics('สหรัฐ').names.en).toBe('United States');
  });

  it('give an unmapped tag a topic of its own, named and addressed by the tag', () => {
    expect(topics('ภาษีที่ดิน')).toEqual({ id: 'ภาษีที่ดิน', names: { th: 'ภาษีที่ดิน' } });
    expect(topics('Land Tax')).toEqual({ id: 'land-tax', names: { en: 'Land Tax' } });
    expect(tagId('a/b?c#d 100%')).toBe('abcd-100');
    expect(topicPath('th', 'ภาษีที่ดิน')).toBe(`/th/topics/${encodeURIComponent('ภาษีที่ดิน')}/`);
    expect(topicPath('en', 'russia')).toBe('/en/topics/russia/');
  });

  it('name a topic in the page language, else as written with its language', () => {
    expect(topicName(topics('Russia'), 'th')).toEqual({ text: 'รัสเซีย', lang: 'th' });
    expect(topicName(topics('ภาษีที่ดิน'), 'en')).toEqual({ text: 'ภาษีที่ดิน', lang: 'th' });
  });

  it("gather a story's topics from all its versions, each once", () => {
    const list = storyTopics(
      [
        ['รัสเซีย', 'ภาษี'],
        ['Russia', 'USA'],
      ],
      topics,
    );
    expect(list.map((t) => t.id)).toEqual(['russia', 'ภาษี', 'united-states']);
  });

  it('find a topics file that gives one tag to two topics, or one id to two entries', () => {
    expect(topicsFileProblems(entries)).toEqual([]);
    expect(topicsFileProblems([...entries, { id: 'russia', th: 'รัสเซีย2', en: 'Russia 2', aliases: [] }])).toEqual([
      'the id "russia" is used by two topics: give each its own',
    ]);
    expect(topicsFileProblems([...entries, { id: 'usa', th: 'อเมริกา', en: 'America', aliases: ['usa'] }])).toEqual([
      'the tag "usa" belongs to both "united-states" and "usa": keep it in one',
    ]);
  });
});
