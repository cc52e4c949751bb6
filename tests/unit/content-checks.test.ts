import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fieldLine, schemaErrors } from '../../src/lib/frontmatter-checks.ts';
import { storyFileProblem } from '../../src/lib/story-files.ts';
import { balanceBidi, decodeUtf8, findControlCharacter } from '../../src/lib/unicode.ts';

describe('decodeUtf8', () => {
  it('decodes valid UTF-8, Thai included', () => {
    expect(decodeUtf8(Buffer.from('ข่าว\nnews', 'utf8'))).toEqual({ ok: true, text: 'ข่าว\nnews' });
  });
  it('names the line, column and bytes of the first invalid sequence', () => {
    const bytes = Buffer.concat([Buffer.from('หนึ่ง\nสอง ', 'utf8'), Buffer.from([0xe9, 0x41])]);
    expect(decodeUtf8(bytes)).toEqual({ ok: false, position: { line: 2, column: 5 }, bytes: 'E9 41', offset: 26 });
  });
  it('refuses overlong forms, surrogates and a sequence cut at the end', () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xe0, 0xb8],
    ])
      expect(decodeUtf8(Buffer.from(bad)).ok).toBe(false);
  });
});

describe('findControlCharacter', () => {
  it('finds NUL and other controls, not tabs or line breaks', () => {
    expect(findControlCharacter('a\tb\r\nc')).toBeNull();
    expect(findControlCharacter('ab\ncd\u0000')).toEqual({ line: 2, column: 3, code: 'U+0000' });
    expect(findControlCharacter('x\u007F')?.code).toBe('U+007F');
    expect(findControlCharacter('\u009F bullet')).toBeNull();
  });
});

describe('balanceBidi', () => {
  it('keeps pairs and removes what is left open or closed alone', () => {
    expect(balanceBidi('ชื่อ \u2067Name\u2069 ต่อ')).toEqual({ text: 'ชื่อ \u2067Name\u2069 ต่อ', removed: [] });
    expect(balanceBidi('ข่าว \u202Eกลับ')).toEqual({ text: 'ข่าว กลับ', removed: [5] });
    expect(balanceBidi('\u202Cปิด')).toEqual({ text: 'ปิด', removed: [0] });
    // An embedding left open inside an isolate is closed by the isolate's end, and so removed.
    expect(balanceBidi('\u2066a\u202Bb\u2069').text).toBe('\u2066ab\u2069');
    // A line ends every control: one opened on a line and closed on the next was not a pair.
    expect(balanceBidi('\u202Ea\n\u202C').text).toBe('a\n');
  });
});

describe('storyFileProblem', () => {
  const present = new Set(['a/th.mdx', 'a/th.md', 'b/en.md', 'c/th.mdx~', 'd/photo.jpg']);
  it('accepts th.mdx and en.mdx only', () => {
    expect(storyFileProblem('a/th.mdx', 'content/articles/a/th.mdx', present)).toBeNull();
    expect(storyFileProblem('a/th.md', 'x', present)?.fix).toContain('th.mdx is beside it');
    expect(storyFileProblem('b/en.md', 'x', present)?.fix).toBe('rename it to en.mdx');
    expect(storyFileProblem('c/th.mdx~', 'x', present)?.message).toContain('backup');
    expect(storyFileProblem('d/photo.jpg', 'x', present)?.message).toContain('"photo.jpg" is not a story file');
  });
});

describe('schemaErrors', () => {
  const frontmatter = 'title: ข่าว\nimage:\n  caption: ภาพ\n  credt: AFP\nrelated:\n  - title: x\n    url: ftp://x';
  const doc = parseDocument(frontmatter);
  it('finds the line of a nested field', () => {
    expect(fieldLine(doc, frontmatter, ['image', 'credt'])).toBe(5);
    expect(fieldLine(doc, frontmatter, ['related', 0, 'url'])).toBe(8);
    expect(fieldLine(doc, frontmatter, ['summary'])).toBe(1);
  });
  it('writes path:line: field: problem. Fix: …, and suggests the closest known field', () => {
    const errors = schemaErrors(
      [
        { code: 'unrecognized_keys', path: ['image'], keys: ['credt'], message: 'Unrecognized key: "credt"' },
        { code: 'custom', path: ['related', 0, 'url'], message: 'must be an http:// or https:// address. Fix: write the full address' },
      ],
      'f.mdx',
      doc,
      frontmatter,
      () => ['src', 'caption', 'credit'],
    );
    expect(errors.map((e) => e.message)).toEqual([
      'f.mdx:5: image.credt: "credt" is not a field of image. Fix: did you mean "credit"? correct the name or remove the line; the fields are: src, caption, credit',
      'f.mdx:8: related.0.url: must be an http:// or https:// address. Fix: write the full address',
    ]);
  });
});

describe('decodeInput (importer)', () => {
  it('reads UTF-8 as it is, TIS-620 Thai and Windows-1252 by their bytes, and refuses a mix', async () => {
    const { decodeInput } = await import('../../src/lib/importer/decode.ts');
    expect(decodeInput(Buffer.from('ข่าว "news"'))).toEqual({ ok: true, text: 'ข่าว "news"', encoding: 'utf-8' });
    expect(decodeInput(Buffer.from([0xa2, 0xe8, 0xd2, 0xc7, 0x20, 0x41]))).toEqual({ ok: true, text: 'ข่าว A', encoding: 'windows-874' });
    expect(decodeInput(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x41, 0x94]))).toEqual({
      ok: true,
      text: 'Café \u201CA\u201D',
      encoding: 'windows-1252',
    });
    const mixed = decodeInput(Buffer.concat([Buffer.from('ข่าว\nCaf'), Buffer.from([0xe9])]));
    expect(mixed).toMatchObject({ ok: false, position: { line: 2, column: 4 } });
    expect(decodeInput(Buffer.from('a\u0000b'))).toMatchObject({ ok: false, position: { line: 1, column: 2 } });
  });

  it('reads UTF-16 by its byte-order mark (Windows "Unicode"), in either byte order', async () => {
    const { decodeInput } = await import('../../src/lib/importer/decode.ts');
    const text = 'ข่าว "news"\nย่อหน้า';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeInput(le)).toEqual({ ok: true, text, encoding: 'utf-16le' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeInput(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ ok: true, text, encoding: 'utf-16be' });
    // An odd byte out: not UTF-16 after all.
    expect(decodeInput(Buffer.concat([le, Buffer.from([0x41])]))).toMatchObject({ ok: false, fix: expect.stringContaining('save it as UTF-8') });
  });
});

describe('YAML errors in story files', () => {
  it('point at the field whose value is broken, not where the parser noticed', async () => {
    const { checkFileText } = await import('../../src/lib/frontmatter-checks.ts');
    const line = (frontmatter: string) => checkFileText(`---\n${frontmatter}\n---\n\nข้อความ\n`, 'f.mdx', new Date()).errors[0]?.line;
    expect(line('title: ข่าว\nsummary: "ไม่ปิด\nsection: world')).toBe(3);
    expect(line('title: ข่าว\nsummary: [สรุป\nsection: world')).toBe(3);
    expect(line('title: ข่าว\ntitle: ซ้ำ')).toBe(3);
  });
});
