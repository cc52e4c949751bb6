import { describe, expect, it } from 'vitest';
import { renderStoryBody } from '../../src/lib/markdown/story-body.ts';
import { buildLexicon, learnSiteWords, lineParts, MAX_WORD_LENGTH, tieRepeatMark } from '../../src/lib/thai-lines.ts';

const story = [
  'ประธานาธิบดีปูตินของรัสเซียต้อนรับผู้นำเมียนมาที่กรุงมอสโก',
  'ปูตินกล่าวว่ารัสเซียและเมียนมามีความสัมพันธ์ที่ดี และจะขยายเครือข่ายความร่วมมือ',
  'ทั้งสองฝ่ายตกลงขยายเครือข่ายการค้า เมียนมาจะซื้อแพคเกจอาวุธ และแพคเกจพลังงาน',
];

describe('a story’s lexicon', () => {
  it('holds the names the segmenter splits but that recur together in the story', () => {
    const lexicon = buildLexicon(story);
    expect(lexicon).toEqual(expect.arrayContaining(['ปูติน', 'เมียนมา', 'แพคเกจ']));
    for (const word of lexicon) expect(word.length).toBeLessThanOrEqual(MAX_WORD_LENGTH);
  });

  it('leaves out a name seen once, and takes Thai tags the segmenter would split', () => {
    expect(buildLexicon(['ข่าวจากเมียนมาวันนี้'])).not.toContain('เมียนมา');
    expect(buildLexicon(['ข่าวจากเมียนมาวันนี้'], ['เมียนมา', 'Myanmar', 'ข่าว'])).toEqual(['เมียนมา']);
  });

  it('holds every name that follows a title, even seen once, first name and surname apart', () => {
    const lexicon = buildLexicon([
      'วันนี้ นายภาดล ถาวรกฤชรัตน์ อธิบดี พร้อมด้วยนางสาวแพทองธาร ชินวัตร และ ดร.สุชาติ ชมกลิ่น, ร่วมประชุม',
      'พลเอก ประยุทธ์ จันทร์โอชา และนายแพทย์ชลน่าน ศรีแก้ว กล่าวกับนายจ้างและลูกจ้าง',
    ]);
    expect(lexicon).toEqual(expect.arrayContaining(['ภาดล', 'ถาวรกฤชรัตน์', 'แพทองธาร', 'ชินวัตร', 'สุชาติ', 'ชมกลิ่น', 'ประยุทธ์', 'จันทร์โอชา', 'ศรีแก้ว']));
    // A word that only begins like a title (นายจ้าง, employer) and runs on names no one.
    expect(lexicon.some((word) => word.startsWith('จ้าง'))).toBe(false);
    const parts = lineParts('นายภาดล ถาวรกฤชรัตน์ อธิบดี', lexicon);
    expect(parts.filter((p) => p.keep).map((p) => p.text)).toEqual(['ภาดล', 'ถาวรกฤชรัตน์']);
  });

  it('is the same for the same story, whatever else the site holds', () => {
    expect(buildLexicon(story)).toEqual(buildLexicon([...story]));
  });
});

describe('the site’s word list', () => {
  const once = 'วันนี้มีการประชุมเครือข่ายเกษตรกรที่จังหวัดเชียงใหม่';

  it('gives a story the words it uses once, where they stand as whole pieces', () => {
    expect(buildLexicon([once])).not.toContain('เครือข่าย');
    expect(buildLexicon([once], [], new Set(['เครือข่าย', 'ข่ายเก']))).toEqual(expect.arrayContaining(['เครือข่าย']));
    // A list word that would cut the segmenter's pieces in two (ข่าย|เกษตรกร) is not taken there.
    expect(buildLexicon([once], [], new Set(['ข่ายเก']))).not.toContain('ข่ายเก');
  });

  it('learns the words two stories or more found that hold together across them, not phrases of known words', () => {
    const stories = [
      { texts: ['ผู้นำเมียนมาพบจีน เมียนมากล่าวว่าเป็นมิตร ซึ่งเป็นข่าวดี ซึ่งเป็นที่ยินดี'] },
      { texts: ['ผู้แทนเมียนมาเยือนไทย เมียนมาขอบคุณ ซึ่งเป็นการเยือนครั้งแรก ซึ่งเป็นมิตรภาพ'] },
      // A name given a title in one story, and in another, is the site's even where a story has it bare.
      { texts: ['นางสาวแพทองธาร ชินวัตร นายกรัฐมนตรี'] },
      { texts: ['นางสาวแพทองธาร ชินวัตร เยือนจีน'] },
      { texts: ['ซึ่งมีความหมาย ซึ่งได้รับ ซึ่งจะ ซึ่งทำให้ ซึ่งอยู่ ซึ่งกล่าว ซึ่งมา ซึ่งคือ เป็นไป เป็นงาน เป็นคน เป็นผล เป็นหนึ่ง'] },
    ];
    const learned = learnSiteWords(stories);
    expect(learned).toEqual(expect.arrayContaining(['เมียนมา', 'แพทองธาร']));
    expect(buildLexicon(['แพทองธารเยือนจีน'], [], new Set(learned))).toContain('แพทองธาร');
    // Each of the first two stories repeats ซึ่ง|เป็น, but across the stories its pieces stand mostly apart.
    expect(buildLexicon(stories[0]!.texts)).toContain('ซึ่งเป็น');
    expect(learned).not.toContain('ซึ่งเป็น');
    expect(learnSiteWords([...stories].reverse())).toEqual(learned);
  });
});

describe('keeping words whole', () => {
  it('marks the lexicon’s words, leftmost and longest, without overlap', () => {
    expect(lineParts('นายปูตินเยือนเมียนมา', ['ปูติน', 'เมียนมา', 'เมีย'])).toEqual([
      { text: 'นาย', keep: false },
      { text: 'ปูติน', keep: true },
      { text: 'เยือน', keep: false },
      { text: 'เมียนมา', keep: true },
    ]);
    expect(lineParts('ไม่มีคำ', [])).toEqual([{ text: 'ไม่มีคำ', keep: false }]);
  });

  it('ties ๆ to the word before it', () => {
    expect(tieRepeatMark('หลาย ๆ ครั้ง')).toBe('หลาย\u00A0ๆ ครั้ง');
    expect(tieRepeatMark('ต่างๆ นานา')).toBe('ต่าง\u2060ๆ นานา');
  });

  it('wraps the words in story bodies in kept-word spans, not in code', () => {
    const { html } = renderStoryBody('ปูตินเยือนจีน\n\n`ปูติน`', 'mdx', ['ปูติน']);
    expect(html).toBe(
      '<p id="b-1" data-block="1" data-kind="p"><span class="keep-word">ปูติน</span>เยือนจีน</p>\n' +
        '<p id="b-2" data-block="2" data-kind="p"><code>ปูติน</code></p>',
    );
  });
});
