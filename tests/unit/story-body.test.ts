import { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { blockAlone, BODY_FORMAT, outlineOf, recordedOutline, renderStoryBody, StoryBodyCode, withBlockEnds } from '../../src/lib/markdown/story-body.ts';

function codeIn(body: string): StoryBodyCode {
  try {
    renderStoryBody(body, 'mdx');
  } catch (error) {
    if (error instanceof StoryBodyCode) return error;
    throw error;
  }
  throw new Error('expected the body to be refused');
}

describe('story bodies', () => {
  it('numbers the blocks the way both languages share', () => {
    const { html } = renderStoryBody('ย่อหน้าแรก\n\n## หัวข้อ\n\n- หนึ่ง\n- สอง\n\n> คำพูด', 'mdx');
    expect(html).toBe(
      '<p id="b-1" data-block="1" data-kind="p">ย่อหน้าแรก</p>\n' +
        '<h2 id="b-2" data-block="2" data-kind="h">หัวข้อ</h2>\n' +
        '<ul>\n<li id="b-3" data-block="3" data-kind="li">หนึ่ง</li>\n<li id="b-4" data-block="4" data-kind="li">สอง</li>\n</ul>\n' +
        '<blockquote id="b-5" data-block="5" data-kind="quote">\n<p>คำพูด</p>\n</blockquote>',
    );
  });

  it('records each block with its id, kind and text, as the loader stores them', () => {
    const { blocks } = renderStoryBody('ย่อหน้า **แรก**\n\n## หัวข้อ\n\n- หนึ่ง\n- [สอง](https://example.com)\n\n> คำพูด', 'mdx');
    expect(blocks.map(({ place: _, ...block }) => block)).toEqual([
      { id: 'b-1', kind: 'p', text: 'ย่อหน้า แรก', line: 1 },
      { id: 'b-2', kind: 'h', text: 'หัวข้อ', line: 3 },
      { id: 'b-3', kind: 'li', text: 'หนึ่ง', line: 5 },
      { id: 'b-4', kind: 'li', text: 'สอง', line: 6 },
      { id: 'b-5', kind: 'quote', text: 'คำพูด', line: 8 },
    ]);
  });

  it('records where each block lies in the HTML, after every plugin has run', () => {
    const body = renderStoryBody('ข่าว**การเมือง**\n\n1. หนึ่ง\n2. สอง & สาม\n\n> - คำพูด\n\n---\n\n```\na < b\n```', 'mdx', ['การเมือง']);
    const { html, blocks } = body;
    expect(blocks.map((b) => html.slice(b.place.start, b.place.end))).toEqual([
      '<p id="b-1" data-block="1" data-kind="p">ข่าว<strong><span class="keep-word">การเมือง</span></strong></p>',
      '<li id="b-2" data-block="2" data-kind="li">หนึ่ง</li>',
      '<li id="b-3" data-block="3" data-kind="li">สอง &#x26; สาม</li>',
      '<blockquote id="b-4" data-block="4" data-kind="quote">\n<ul>\n<li>คำพูด</li>\n</ul>\n</blockquote>',
      '<pre id="b-5" data-block="5" data-kind="other"><code>a &#x3C; b\n</code></pre>',
    ]);
    expect(blocks.map((b) => html.slice(b.place.contentStart, b.place.contentEnd))).toEqual([
      'ข่าว<strong><span class="keep-word">การเมือง</span></strong>',
      'หนึ่ง',
      'สอง &#x26; สาม',
      '\n<ul>\n<li>คำพูด</li>\n</ul>\n',
      '<code>a &#x3C; b\n</code>',
    ]);
  });

  it('adds to the end of each block, and leaves the rest of the body as it was', () => {
    const body = renderStoryBody('ย่อหน้า\n\n- หนึ่ง\n- สอง\n\n---\n\nท้าย', 'mdx');
    expect(withBlockEnds(body, (block, n) => ` [${n} ${block.id} ${block.text}]`)).toBe(
      '<p id="b-1" data-block="1" data-kind="p">ย่อหน้า [1 b-1 ย่อหน้า]</p>\n' +
        '<ul>\n<li id="b-2" data-block="2" data-kind="li">หนึ่ง [2 b-2 หนึ่ง]</li>\n<li id="b-3" data-block="3" data-kind="li">สอง [3 b-3 สอง]</li>\n</ul>\n' +
        '<hr>\n<p id="b-4" data-block="4" data-kind="p">ท้าย [4 b-4 ท้าย]</p>',
    );
    expect(withBlockEnds(renderStoryBody('', 'mdx'), () => 'x')).toBe('');
  });

  it('gives each block on its own without its id, a list item in a list of its own', () => {
    const body = renderStoryBody('ย่อหน้า\n\n- [ ] งาน\n\n## หัวข้อ', 'mdx');
    expect(body.blocks.map((block) => blockAlone(body, block))).toEqual([
      '<p data-block="1" data-kind="p">ย่อหน้า</p>',
      '<ul><li class="task-list-item" data-block="2" data-kind="li"><input type="checkbox" disabled> งาน</li></ul>',
      '<h2 data-block="3" data-kind="h">หัวข้อ</h2>',
    ]);
  });

  it('outlines the body for the store: block kinds, whether the dek repeats, the lexicon of headline and dek; an outline of an older format reads as none', () => {
    const body = renderStoryBody('## หัวข้อ\n\nย่อหน้า **แรก**\n\n- ข้อ', 'mdx');
    const outline = outlineOf(body, ['ย่อหน้า', 'หัวข้อ', 'ข่าว'], { title: 'ข่าวใหม่', summary: 'ย่อหน้า แรก' });
    // The dek is the first paragraph again; "หัวข้อ" is only in the body, which the loader has already rendered with it.
    expect(outline).toEqual({ format: BODY_FORMAT, lexicon: ['ย่อหน้า', 'ข่าว'], kinds: ['h', 'p', 'li'], dekRepeats: true });
    expect(outlineOf(body, [], { title: 'ข่าวใหม่', summary: 'สรุปอื่น' }).dekRepeats).toBe(false);
    expect(recordedOutline({ rendered: { metadata: { ...outline } } })).toEqual(outline);
    expect(recordedOutline({ rendered: { metadata: { ...outline, format: BODY_FORMAT - 1 } } })).toBeNull();
    expect(recordedOutline({})).toBeNull();
  });

  it('keeps escaped MDX characters as text', () => {
    const { html } = renderStoryBody('AT&amp;T \\{x\\} \\<script> 1 \\< 2', 'mdx');
    expect(html).toBe('<p id="b-1" data-block="1" data-kind="p">AT&#x26;T {x} &#x3C;script> 1 &#x3C; 2</p>');
  });

  it('reads MDX as MDX: an indented line is a paragraph, not code', () => {
    expect(renderStoryBody('    ย่อหน้าเยื้อง', 'mdx').html).toBe('<p id="b-1" data-block="1" data-kind="p">ย่อหน้าเยื้อง</p>');
  });

  it('refuses code in a story, naming the line', () => {
    expect(codeIn('ย่อหน้า\n\n{props.secret}')).toMatchObject({ line: 3, what: 'an expression in braces' });
    expect(codeIn('ข่าว <b>ตัวหนา</b>')).toMatchObject({ line: 1, what: 'a tag or component' });
    expect(codeIn("ย่อหน้า\n\nimport X from './x.js'")).toMatchObject({ line: 3, what: 'an import or export' });
  });

  it('reports unparsable MDX with its line', () => {
    let error: unknown;
    try {
      renderStoryBody('ข่าว\n\nย่อหน้า <div ไม่ปิด', 'mdx');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VFileMessage);
    expect((error as VFileMessage).line).toBe(3);
  });

  it('keeps only safe links, and drops raw HTML from a .md story', () => {
    expect(renderStoryBody('[a](javascript:alert(1)) [b](https://example.com)', 'mdx').html).toBe(
      '<p id="b-1" data-block="1" data-kind="p">a <a href="https://example.com" rel="noopener noreferrer">b</a></p>',
    );
    expect(renderStoryBody('ข่าว <img src=x onerror=alert(1)> ต่อ\n\n<script>alert(1)</script>', 'md').html).toBe(
      '<p id="b-1" data-block="1" data-kind="p">ข่าว  ต่อ</p>',
    );
  });
});
