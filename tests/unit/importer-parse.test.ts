import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText, detectLanguage } from '../../src/lib/importer/clean.ts';
import { ParseError, parseStory } from '../../src/lib/importer/parse.ts';
import { findThaiDate } from '../../src/lib/thai-calendar.ts';
import { projectRoot } from '../support/build-site.ts';

const seedsDir = join(projectRoot, '../shared/seeds');
const haveSeeds = (() => {
  try {
    readFileSync(join(seedsDir, '000_1efab58772283fd0.txt'));
    return true;
  } catch {
    return false;
  }
})();

/** A press release in the thaigov layout, written for the test (the corpus itself is never copied). */
const thaigovRelease = [
  'รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-นายกฯ เปิดงานสัปดาห์หนังสือ ชวนคนไทยอ่านวันละ 15 นาที',
  '',
  '',
  'วันพุธที่ 20 มีนาคม 2567',
  '20/03/2567',
  'พิมพ์',
  'นายกฯ เปิดงานสัปดาห์หนังสือ ชวนคนไทยอ่านวันละ 15 นาที',
  'นายกฯ เปิดงานสัปดาห์หนังสือ ชวนคนไทย อ่านวันละ 15 นาที ทุกวัน',
  'วันนี้ (20 มีนาคม 2567) เวลา 10.30 น. นายกรัฐมนตรีเปิดงานสัปดาห์หนังสือแห่งชาติ',
  'นายกรัฐมนตรีกล่าวว่า การอ่านวันละ 15 นาทีช่วยพัฒนาประเทศ',
  '-----------------------',
  'สำนักโฆษก สำนักเลขาธิการนายกรัฐมนตรี',
  '',
  'ที่มา : https://www.thaigov.go.th/news/contents/details/80001',
].join('\n');

describe('thaigov layout', () => {
  it('extracts title, date, body, office and source URL, skipping the repeated title lines', () => {
    const story = parseStory(thaigovRelease);
    expect(story.layout).toBe('thaigov');
    expect(story.published).toBe('2024-03-20T00:00:00+07:00');
    expect(story.sourceUrl).toBe('https://www.thaigov.go.th/news/contents/details/80001');
    expect(story.office).toBe('สำนักโฆษก สำนักเลขาธิการนายกรัฐมนตรี');
    expect(story.versions).toHaveLength(1);
    const [thai] = story.versions;
    expect(thai?.lang).toBe('th');
    expect(thai?.title).toBe('นายกฯ เปิดงานสัปดาห์หนังสือ ชวนคนไทยอ่านวันละ 15 นาที');
    expect(thai?.paragraphs).toEqual(['วันนี้ (20 มีนาคม 2567) เวลา 10.30 น. นายกรัฐมนตรีเปิดงานสัปดาห์หนังสือแห่งชาติ', 'นายกรัฐมนตรีกล่าวว่า การอ่านวันละ 15 นาทีช่วยพัฒนาประเทศ']);
  });

  it('keeps a body line that merely starts with the title', () => {
    const text = thaigovRelease.replace(
      'วันนี้ (20 มีนาคม 2567) เวลา 10.30 น.',
      'นายกฯ เปิดงานสัปดาห์หนังสือ ชวนคนไทยอ่านวันละ 15 นาที ที่ศูนย์การประชุมแห่งชาติสิริกิติ์ โดยมีผู้ร่วมงานกว่าห้าพันคน วันนี้ (20 มีนาคม 2567) เวลา 10.30 น.',
    );
    expect(parseStory(text).versions[0]?.paragraphs).toHaveLength(2);
  });

  it('reads an English item with its Thai date line, without a print line or office', () => {
    const english = [
      'รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-PM opens the National Book Week',
      '',
      'วันพุธที่ 20 มีนาคม 2567',
      'PM opens the National Book Week',
      'PM opens the National Book Week',
      'March 20, 2024, at 10.30 hrs, the Prime Minister opened the National Book Week.',
      '',
      'ที่มา : https://www.thaigov.go.th/news/contents/details/80002',
    ].join('\n');
    const story = parseStory(english);
    expect(story.versions[0]?.lang).toBe('en');
    expect(story.versions[0]?.paragraphs).toEqual(['March 20, 2024, at 10.30 hrs, the Prime Minister opened the National Book Week.']);
    expect(story.office).toBeUndefined();
  });

  it('keeps a long block after the rule as part of the story', () => {
    const text = thaigovRelease.replace('สำนักโฆษก สำนักเลขาธิการนายกรัฐมนตรี', 'ก\nข\nค');
    expect(parseStory(text).versions[0]?.paragraphs.slice(-3)).toEqual(['ก', 'ข', 'ค']);
  });

  it('reports a release without body or with an unreadable date', () => {
    const titleOnly = thaigovRelease.split('\n').slice(0, 7).join('\n');
    expect(() => parseStory(titleOnly)).toThrow(new ParseError('the story has a title but no body paragraphs'));
    expect(() => parseStory(thaigovRelease.replace('วันพุธที่ 20 มีนาคม 2567', 'วันพุธที่ 20 มีนาคั 2567'))).toThrow(/is not a Thai calendar date/);
  });
});

describe.skipIf(!haveSeeds)('seed layout (the two seed documents in ../shared/seeds)', () => {
  it('reads the first seed: title, caption with credit, paragraphs, related news', () => {
    const story = parseStory(readFileSync(join(seedsDir, '000_1efab58772283fd0.txt'), 'utf8'));
    expect(story.layout).toBe('seed');
    expect(story.published).toBe('2025-03-05T00:00:00+07:00');
    const [thai] = story.versions;
    expect(story.versions).toHaveLength(1);
    expect(thai?.title).toBe('วลาดิมีร์ ปูตินชื่นชมความสัมพันธ์ที่พัฒนาขึ้นของรัสเซียกับเมียนมา ระหว่างการเยือนของผู้นำคณะรัฐประหาร');
    expect(thai?.image?.credit).toBe('Pavel Bednyakov / POOL / AFP');
    expect(thai?.image?.caption.endsWith('เมื่อวันที่ 4 มีนาคม')).toBe(true);
    expect(thai?.paragraphs).toHaveLength(15);
    expect(thai?.paragraphs.at(-1)).toBe(
      'ขณะที่รัสเซียพยายามเสริมสร้างความสัมพันธ์กับชาติที่ต่อต้านตะวันตก โดยเฉพาะในเอเชียและแอฟริกา นับตั้งแต่สั่งการให้ทหารเปิดแนวรบในยูเครนเมื่อเดือนกุมภาพันธ์ 2022.',
    );
    expect(thai?.related).toHaveLength(1);
    expect(thai?.related[0]?.title).toBe("'เทพไท' ซัดรัฐบาล-ทักษิณ ใช้ไทยฟอกขาว 'มิน อ่อง หล่าย' ปมประชุมลับกลางกรุง");
    expect(thai?.related[0]?.summary?.startsWith('อดีต สส.นครศรีธรรมราช')).toBe(true);
  });

  it('reads the second seed as a Thai original followed by its English rendering', () => {
    const story = parseStory(readFileSync(join(seedsDir, '001_1b04a34cb9d52b11.txt'), 'utf8'));
    expect(story.versions.map((v) => v.lang)).toEqual(['th', 'en']);
    expect(story.versions.map((v) => v.paragraphs.length)).toEqual([4, 4]);
    expect(story.versions[1]?.title).toMatch(/^The Russian leader visited China/);
    expect(story.published).toBeUndefined();
  });
});

describe('seed layout', () => {
  it('does not mistake a short English line inside a Thai story for a rendering', () => {
    const story = parseStory('ข่าวทดสอบ\nย่อหน้าแรกของข่าว\nCOVID-19 update\nย่อหน้าสุดท้าย วันที่ 5 มีนาคม 2568');
    expect(story.versions).toHaveLength(1);
    expect(story.versions[0]?.paragraphs).toEqual(['ย่อหน้าแรกของข่าว', 'COVID-19 update', 'ย่อหน้าสุดท้าย วันที่ 5 มีนาคม 2568']);
  });

  it('takes a date on a line of its own as the story date, not as its first paragraph', () => {
    const story = parseStory('ข่าวทดสอบ\nวันพฤหัสบดีที่ 16 พฤษภาคม 2567\nย่อหน้าแรก ปี 2566\nย่อหน้าที่สอง');
    expect(story.published).toBe('2024-05-16T00:00:00+07:00');
    expect(story.versions[0]?.paragraphs).toEqual(['ย่อหน้าแรก ปี 2566', 'ย่อหน้าที่สอง']);
    const timed = parseStory('ข่าวทดสอบ\n16 พ.ค. 2567 เวลา 17.30 น.\nย่อหน้าแรก วันที่ 1 มกราคม 2568');
    expect(timed.published).toBe('2024-05-16T17:30:00+07:00');
    expect(timed.versions[0]?.paragraphs).toEqual(['ย่อหน้าแรก วันที่ 1 มกราคม 2568']);
    // A date inside a sentence stays in its paragraph.
    expect(parseStory('ข่าวทดสอบ\nเมื่อวันที่ 16 พฤษภาคม 2567 มีการประชุม').versions[0]?.paragraphs).toHaveLength(1);
  });

  it('reports an empty file and a part with a title only', () => {
    expect(() => parseStory('\uFEFF\n\n  \n')).toThrow('the file is empty');
    expect(() => parseStory('หัวข้อข่าวอย่างเดียว')).toThrow('the Thai part has a title but no paragraphs');
  });
});

describe('cleaning text', () => {
  it('removes BOM, zero-width and bidi control characters and keeps the Thai', () => {
    expect(cleanText('\uFEFFปู\u200Bติน\u200D \u202Eabc\u202C\r\nบรรทัด')).toBe('ปูติน abc\nบรรทัด');
  });

  it('puts Thai marks in canonical order (NFC) without rewriting the text', () => {
    // กู่ typed with the tone mark before the vowel below: NFC orders the vowel (class 103) first.
    expect(cleanText('ก\u0E48\u0E39')).toBe('ก\u0E39\u0E48');
    expect(cleanText('ปูติน')).toBe('ปูติน');
  });

  it('detects the language of a line', () => {
    expect(detectLanguage('ตามรายงานของสำนักข่าว TASS ที่อ้างอิงข้อมูลจาก Rosatom')).toBe('th');
    expect(detectLanguage('President Vladimir Putin arrived in Beijing on Thursday')).toBe('en');
    expect(detectLanguage('The word ปูติน in English text')).toBe('en');
  });
});

describe('Thai dates', () => {
  it('finds Buddhist-era dates with full and abbreviated month names', () => {
    expect(findThaiDate('วันพุธที่ 5 มีนาคม 2568')).toEqual({ year: 2025, month: 3, day: 5 });
    expect(findThaiDate('เมื่อ 16 พ.ค. 2567')).toEqual({ year: 2024, month: 5, day: 16 });
    expect(findThaiDate('20 มีนาคม พ.ศ. 2567')).toEqual({ year: 2024, month: 3, day: 20 });
    expect(findThaiDate('ตั้งแต่ 1 ม.ค. 2024')).toEqual({ year: 2024, month: 1, day: 1 });
    expect(findThaiDate('31 กุมภาพันธ์ 2567')).toBeNull();
    expect(findThaiDate('ไม่มีวันที่')).toBeNull();
  });
});
