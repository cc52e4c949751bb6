import { describe, expect, it } from 'vitest';
import { describeMisalignment, findMisalignment } from '../../src/lib/alignment.ts';
import { numberBlocks } from '../../src/lib/markdown/block-ids.ts';
import { readingMinutes } from '../../src/lib/reading-time.ts';
import { blockKinds } from '../../src/integrations/alignment-check.ts';

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
    type Node = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] };
    const el = (tagName: string, children: Node[] = []): Node => ({ type: 'element', tagName, properties: {}, children });
    const tree: Node & { children: Node[] } = { type: 'root', children: [el('p'), { type: 'text' }, el('h2'), el('ul', [el('li'), { type: 'text' }, el('li')]), el('blockquote'), el('hr')] };
    numberBlocks(tree);
    const props = (n: { properties?: Record<string, unknown> }) => n.properties;
    const [p, , h2, ul, quote, hr] = tree.children as { properties?: Record<string, unknown>; children?: { properties?: Record<string, unknown> }[] }[];
    expect(props(p!)).toEqual({ id: 'b-1', dataBlock: '1', dataKind: 'p' });
    expect(props(h2!)).toMatchObject({ id: 'b-2', dataKind: 'h' });
    expect(ul!.children!.map((c) => c.properties?.['id'])).toEqual(['b-3', undefined, 'b-4']);
    expect(props(quote!)).toMatchObject({ id: 'b-5', dataKind: 'quote' });
    expect(props(hr!)).toEqual({});
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
  it('reads the block kinds of a built page', () => {
    expect(blockKinds('<p id="b-1" data-block="1" data-kind="p">x</p><h2 id="b-2" data-block="2" data-kind="h">y</h2>')).toEqual(['p', 'h']);
  });
});
