import { describe, expect, it } from 'vitest';
import { tagsFromTopics } from '../../src/lib/importer/plan.ts';

const topics = [
  { th: 'สหรัฐฯ', en: 'United States', aliases: ['สหรัฐ', 'US'] },
  { th: 'ข้าว', en: 'rice', aliases: [] },
  { th: 'น้ำท่วม', en: 'floods', aliases: ['flood'] },
  { th: 'ลาว', en: 'Laos', aliases: [] },
];

describe('the importer tags new stories with the topics their opening names', () => {
  it('finds Thai names as written and gives each version its language', () => {
    const story = { title: 'ราคาข้าวพุ่ง หลังสหรัฐนำเข้าเพิ่ม', paragraphs: ['ผู้ส่งออกพอใจ', 'น้ำท่วมในย่อหน้าที่สองไม่นับ'] };
    expect(tagsFromTopics(story, topics, 'th')).toEqual(['สหรัฐฯ', 'ข้าว']);
    expect(tagsFromTopics(story, topics, 'en')).toEqual(['United States', 'rice']);
  });

  it('finds Thai names on character-cluster boundaries only, as search does', () => {
    expect(tagsFromTopics({ title: 'ศาลาว่าการจังหวัดเปิดบริการ', paragraphs: ['ข่าวข้าวสารวันนี้'] }, topics, 'th')).toEqual(['ข้าว']);
    expect(tagsFromTopics({ title: 'นายกฯ เยือนลาว', paragraphs: [] }, topics, 'th')).toEqual(['ลาว']);
  });

  it('finds Latin names only as whole words', () => {
    expect(tagsFromTopics({ title: 'Officials must act', paragraphs: ['Flood warnings in the north.'] }, topics, 'en')).toEqual(['floods']);
    expect(tagsFromTopics({ title: 'US rice imports', paragraphs: [] }, topics, 'en')).toEqual(['United States', 'rice']);
  });
});
