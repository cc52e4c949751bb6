import { describe, expect, it } from 'vitest';
import { frontPage, FRONT_SECONDARY, MORE_FROM_SECTION, storyEnds } from '../../src/lib/listings.ts';
import { dekRepeats, dekUnderHeadline } from '../../src/lib/say-once.ts';

const item = (slug: string, section: string) => ({ story: { slug, section } });
// Newest first, as listings are.
const items = [
  item('a', 'world'),
  item('b', 'economy'),
  item('c', 'world'),
  item('d', 'world'),
  item('e', 'world'),
  item('f', 'economy'),
  item('g', 'world'),
  item('h', 'world'),
  item('i', 'world'),
];

describe('the front page', () => {
  it('leads with the newest story, then a row, then each section’s latest not shown above', () => {
    const front = frontPage(items, ['world', 'economy', 'sports']);
    expect(front.lead?.story.slug).toBe('a');
    expect(front.secondary.map((i) => i.story.slug)).toEqual(['b', 'c', 'd', 'e'].slice(0, FRONT_SECONDARY));
    expect(front.sections.map((s) => [s.section, s.items.map((i) => i.story.slug)])).toEqual([
      ['world', ['g', 'h', 'i']],
      ['economy', ['f']],
    ]);
  });

  it('is empty without stories', () => {
    expect(frontPage([], ['world'])).toEqual({ lead: null, secondary: [], sections: [] });
  });
});

describe('the end of a story', () => {
  const end = storyEnds(items);

  it('offers the next older story, and none after the oldest (no wrap-around to the newest)', () => {
    expect(end('c').next?.story.slug).toBe('d');
    expect(end('i').next).toBeNull();
  });

  it('offers the stories of its section just older than it, neither the story itself nor the next one', () => {
    const { next, more } = end('c');
    expect(more.map((i) => i.story.slug)).toEqual(['e', 'g', 'h', 'i'].slice(0, MORE_FROM_SECTION));
    expect(more).not.toContain(next);
    expect(end('b').more.map((i) => i.story.slug)).toEqual(['f']);
    expect(end('f').more).toEqual([]);
  });

  it('depends only on older stories: a newer story changes no end, a backdated one only those just newer', () => {
    const withNewest = storyEnds([item('new', 'world'), ...items]);
    for (const { story } of items) expect(withNewest(story.slug)).toEqual(end(story.slug));
    // A story dated between d and e changes only the ends of stories whose next or section window it enters.
    const backdated = [...items.slice(0, 4), item('mid', 'world'), ...items.slice(4)];
    const changed = items.map((i) => i.story.slug).filter((slug) => JSON.stringify(storyEnds(backdated)(slug)) !== JSON.stringify(end(slug)));
    expect(changed).toEqual(['a', 'c', 'd']);
  });

  it('offers nothing for a story it does not know, or a site of one story', () => {
    expect(end('zz')).toEqual({ next: null, more: [] });
    expect(storyEnds([item('a', 'world')])('a')).toEqual({ next: null, more: [] });
  });
});

describe('a dek said once', () => {
  const lead = 'เอเอฟพีรายงาน เมื่อวันพุธ ผู้นำเมียนมาเดินทางเยือนกรุงมอสโก และได้เข้าพบประธานาธิบดีปูติน';
  it('is hidden when the first paragraph begins with it, cut short or not, or when it is the headline', () => {
    expect(dekRepeats(lead, 'หัวข่าว', lead)).toBe(true);
    expect(dekRepeats('เอเอฟพีรายงาน เมื่อวันพุธ ผู้นำเมียนมา…', 'หัวข่าว', lead)).toBe(true);
    expect(dekRepeats('ผู้นำรัสเซียเยือนจีน', 'ผู้นำรัสเซียเยือนจีน', lead)).toBe(true);
  });
  it('is shown when it says something of its own', () => {
    expect(dekRepeats('รัสเซียกับเมียนมาใกล้ชิดกันขึ้น ในขณะที่ตะวันตกคว่ำบาตร', 'หัวข่าว', lead)).toBe(false);
  });
});

describe("a card's dek under its headline", () => {
  const headline = 'นายกฯ ห่วงใยประชาชนภาคเหนือ';
  it('leaves out the headline the dek begins with, where a word ends', () => {
    expect(dekUnderHeadline(`${headline} สั่งการเร่งช่วยเหลือผู้ประสบภัย…`, headline)).toBe('สั่งการเร่งช่วยเหลือผู้ประสบภัย…');
    expect(dekUnderHeadline(`${headline}: สั่งการเร่งช่วยเหลือ`, headline)).toBe('สั่งการเร่งช่วยเหลือ');
    expect(dekUnderHeadline(`${headline} (9 ก.พ.) สั่งการ`, headline)).toBe('(9 ก.พ.) สั่งการ');
  });
  it('is nothing when only the headline is left, and the whole dek otherwise', () => {
    expect(dekUnderHeadline(`${headline}…`, headline)).toBe('');
    expect(dekUnderHeadline(headline, headline)).toBe('');
    // The headline is the start of a longer word in the dek: not the headline again.
    expect(dekUnderHeadline(`${headline}ตอนบน สั่งการ`, headline)).toBe(`${headline}ตอนบน สั่งการ`);
    expect(dekUnderHeadline('รัฐบาลสั่งการเร่งช่วยเหลือ', headline)).toBe('รัฐบาลสั่งการเร่งช่วยเหลือ');
  });
});
