import type { Element } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { describeMisalignment, findMisalignment } from '../../src/lib/alignment.ts';
import { numberBlocks } from '../../src/lib/markdown/block-ids.ts';
import { readingMinutes } from '../../src/lib/reading-time.ts';

describe('reading time', () => {
  it('counts Thai in characters without spaces', () => {
    expect(readingMinutes('ก'.repeat(2500) + ' '.repeat(900), 'th')).toBe(3);
    expect(readingMinutes('สั้น', 'th')).toBe(1);
  });
  it('counts English in words', () => {
    expect(readingMinutes(Array.from({ length: 690 }, () => 'word').join(' '), 'en')).toBe(3);
    expect(readingMinutes("Putin's visit, 2024-05-16.", 'en')).toBe(1);
  });
});

describe('block ids', () => {
  it('numbers paragraphs, headings, quotes and each list item in order', () => {
    const tree = h(null, [h('p', 'a'), '\n', h('h2', 'b'), h('ul', [h('li', 'c'), '\n', h('li', 'd')]), h('blockquote', 'e'), h('hr')]);
    const blocks = numberBlocks(tree);
    const [p, , h2, ul, quote, hr] = tree.children as Element[];
    expect(p!.properties).toEqual({ id: 'b-1', dataBlock: '1', dataKind: 'p' });
    expect(h2!.properties).toMatchObject({ id: 'b-2', dataKind: 'h' });
    expect(ul!.children.map((c) => (c.type === 'element' ? c.properties['id'] : undefined))).toEqual(['b-3', undefined, 'b-4']);
    expect(quote!.properties).toMatchObject({ id: 'b-5', dataKind: 'quote' });
    expect(hr!.properties).toEqual({});
    expect(blocks.map((b) => `${b.id} ${b.kind} ${b.text}`)).toEqual(['b-1 p a', 'b-2 h b', 'b-3 li c', 'b-4 li d', 'b-5 quote e']);
  });
});

describe('alignment', () => {
  it('accepts identical structures and names the first block that differs', () => {
    expect(findMisalignment(['p', 'p', 'h', 'p'], ['p', 'p', 'h', 'p'])).toBeNull();
    expect(findMisalignment(['p', 'h', 'p'], ['p', 'p', 'p'])).toEqual({ block: 2, original: 'h', rendering: 'p' });
    expect(findMisalignment(['p', 'p', 'p'], ['p', 'p'])).toEqual({ block: 3, original: 'p', rendering: null });
    const message = describeMisalignment('putin', 'putin/th.mdx', 'putin/en.mdx', { block: 3, original: 'p', rendering: null });
    expect(message).toBe(
      'putin: putin/en.mdx does not line up with putin/th.mdx from block 3 on (the original has a paragraph there, the rendering nothing). ' +
        'Readers switching language or reading side by side lose their place after it; split or join paragraphs so each has its counterpart.',
    );
  });
});
