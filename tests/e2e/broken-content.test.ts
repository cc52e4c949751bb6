import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, projectRoot } from '../support/build-site.ts';

/**
 * Broken content, case by case: each names the file, the field or line, and the fix, in the first
 * lines a person reads (no stack trace first); warnings build and warn. Cases that the loader
 * collects together are built together, to keep the suite fast.
 */
const original = (fields: Record<string, string> = {}, body = 'เนื้อหาข่าว') => {
  const base: Record<string, string> = {
    title: 'ข่าวทดสอบ',
    summary: 'สรุปข่าว',
    published: '2025-03-05T10:00:00+07:00',
    section: 'world',
    byline: 'โต๊ะข่าว',
    ...fields,
  };
  const lines = Object.entries(base)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => (v.startsWith('\n') ? `${k}:${v}` : `${k}: ${v}`));
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
};
const rendering = (extra = '', body = 'Story text.') =>
  `---\ntitle: Test story\nsummary: Summary.\n${extra}translation:\n  translator: Desk\n  machine: true\n  reviewed: false\n---\n\n${body}\n`;

interface Case {
  name: string;
  files: Record<string, string>;
  /** Every string must appear in the output, in the message about this case. */
  expected: string[];
}

/** Files that fail the checks run on the raw text: all reported in one build. */
const rawCases: Case[] = [
  { name: 'malformed YAML', files: { 'bad-yaml/th.mdx': '---\ntitle: ข่าว\n  summary: [สรุป\n---\n\nข้อความ\n' }, expected: ['bad-yaml/th.mdx: the frontmatter is not valid YAML at line 2', 'Fix: check the indentation and the quotes'] },
  { name: 'bad date', files: { 'bad-date/th.mdx': original({ published: 'yesterday' }) }, expected: ['bad-date/th.mdx: field "published": "yesterday" is not a date and time with a UTC offset. Fix: write it as 2025-03-05T10:00:00+07:00'] },
  { name: 'date without time', files: { 'bare-date/th.mdx': original({ published: '2025-03-05' }) }, expected: ['bare-date/th.mdx: field "published": "2025-03-05" is not a date and time with a UTC offset'] },
  { name: 'time without offset', files: { 'no-offset/th.mdx': original({ updated: '2025-03-06T10:00:00' }) }, expected: ['no-offset/th.mdx: field "updated": "2025-03-06T10:00:00" is not a date and time with a UTC offset'] },
  { name: 'empty body', files: { 'empty-body/th.mdx': original({}, '') }, expected: ['empty-body/th.mdx: the story has no text after its frontmatter. Fix: add the paragraphs of the story'] },
  { name: 'MDX expression in text', files: { 'expression/th.mdx': original({}, 'ย่อหน้า {props.x} ข้อความ') }, expected: ['expression/th.mdx: line 9 has a brace, which MDX reads as an expression. Fix: write \\{ and \\} for literal braces'] },
  { name: 'unclosed MDX tag', files: { 'unclosed-tag/th.mdx': original({}, 'ย่อหน้า <div> ไม่ปิด') }, expected: ['unclosed-tag/th.mdx: line 9 has "<" before a letter, which MDX reads as a tag. Fix: write \\< for a literal "<"'] },
  { name: 'import statement in the body', files: { 'import-line/th.mdx': original({}, "import X from './x.js'\n\nย่อหน้า") }, expected: ['import-line/th.mdx: line 9 starts with "import", which MDX runs as code'] },
  { name: 'no frontmatter at all', files: { 'no-frontmatter/th.mdx': 'ข่าวไม่มีส่วนหัว\n' }, expected: ['no-frontmatter/th.mdx: the file does not start with a frontmatter block. Fix: begin it with a line "---"'] },
];

/** Problems that span files: all reported in one build. */
const crossFileCases: Case[] = [
  { name: 'English rendering with no Thai source', files: { 'orphan/en.mdx': rendering() }, expected: ['orphan/en.mdx: field "translation": this rendering has no original: the story has no source file. Fix: add the source text beside it'] },
  { name: 'duplicate slug', files: { '2024/same-slug/th.mdx': original(), '2025/same-slug/th.mdx': original() }, expected: ['2025/same-slug/th.mdx: the slug "same-slug" is already used by', '2024/same-slug/th.mdx. Fix: give one of the two stories a different folder name'] },
  { name: 'wrong file name for the language', files: { 'french/fr.mdx': original() }, expected: ['french/fr.mdx: the file name "fr" is not a language of the site. Fix: name the file th.mdx or en.mdx'] },
  { name: 'two originals', files: { 'twins/th.mdx': original(), 'twins/en.mdx': original({ title: 'Test' }) }, expected: ['twins/en.mdx and', 'twins/th.mdx claim to be the original. Fix: add a "translation:" block'] },
  { name: 'folder name that is no slug', files: { 'Bad Folder/th.mdx': original() }, expected: ['Bad Folder/th.mdx: the folder name "Bad Folder" is not a valid slug (it becomes the URL). Fix: rename the folder using lowercase Latin letters'] },
  { name: 'file outside a story folder', files: { 'th.mdx': original() }, expected: ['th.mdx: the article is not in a folder of its own. Fix: move it to content/articles/<slug>/th.mdx'] },
];

/** Schema problems: Astro stops at the first, so each is built on its own. */
const schemaCases: Case[] = [
  { name: 'missing title', files: { 's/th.mdx': original({ title: '' }) }, expected: ['s/th', 'title: is missing: add the headline'] },
  { name: 'empty title', files: { 's/th.mdx': original({ title: '""' }) }, expected: ['s/th', 'title: must not be empty: write the headline'] },
  { name: 'missing summary', files: { 's/th.mdx': original({ summary: '' }) }, expected: ['s/th', 'summary: is missing: add the dek, one or two sentences under the headline'] },
  { name: 'unknown section', files: { 's/th.mdx': original({ section: 'wrld' }) }, expected: ['s/th', 'section: must be one of: world, politics, economy'] },
  { name: 'no byline and no source', files: { 's/th.mdx': original({ byline: '' }) }, expected: ['s/th', 'byline: every original credits someone: set "byline" (writer or desk), "source" (agency), or both'] },
  { name: 'updated before published', files: { 's/th.mdx': original({ updated: '2025-03-04T10:00:00+07:00' }) }, expected: ['s/th', 'updated: is earlier than "published"'] },
  { name: 'javascript: source URL', files: { 's/th.mdx': original({ sourceUrl: '"javascript:alert(1)"' }) }, expected: ['s/th', 'sourceUrl: must be an http:// or https:// address'] },
  { name: 'ftp: related link', files: { 's/th.mdx': original({ related: '\n  - title: ข่าว\n    url: ftp://example.com/x' }) }, expected: ['s/th', 'related.0.url: must be an http:// or https:// address'] },
  { name: 'image without credit', files: { 's/th.mdx': original({ image: '\n  caption: ภาพ' }) }, expected: ['s/th', 'credit: is missing: add who took the photo'] },
  { name: 'misspelt field', files: { 's/th.mdx': original({ titel: 'x' }) }, expected: ['s/th', 'Unrecognized key: "titel"'] },
  { name: 'tags not a list', files: { 's/th.mdx': original({ tags: 'รัสเซีย' }) }, expected: ['s/th', 'tags: must be a list, e.g. [รัสเซีย, จีน]'] },
  { name: 'rendering with a story-wide field', files: { 's/th.mdx': original(), 's/en.mdx': rendering('section: world\n') }, expected: ['s/en', 'section: belongs in the original, not in a rendering: remove it here'] },
  { name: 'rendering without translator', files: { 's/th.mdx': original(), 's/en.mdx': rendering().replace('  translator: Desk\n', '') }, expected: ['s/en', 'translator: is missing: add who made the rendering'] },
  { name: 'machine flag not a yes/no', files: { 's/th.mdx': original(), 's/en.mdx': rendering().replace('machine: true', 'machine: maybe') }, expected: ['s/en', 'machine: must be true or false'] },
];

function build(name: string, files: Record<string, string>): Promise<{ ok: boolean; output: string; outDir: string }> {
  return buildContent(join(projectRoot, '.test-dist', 'broken-content', name.replace(/[^a-z0-9]+/gi, '-')), files);
}

/** The message comes before any stack trace. */
function messageBeforeStack(output: string, expected: string): boolean {
  const message = output.indexOf(expected);
  const stack = output.search(/^\s+at /m);
  return message !== -1 && (stack === -1 || message < stack);
}

function expectFailure(result: { ok: boolean; output: string; outDir: string }, testCase: Case): void {
  expect(result.ok, `${testCase.name}: the build should fail`).toBe(false);
  for (const text of testCase.expected) {
    expect(result.output, testCase.name).toContain(text);
    expect(messageBeforeStack(result.output, text), `${testCase.name}: "${text}" should come before any stack trace`).toBe(true);
  }
  expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
}

describe(`broken content (${rawCases.length + crossFileCases.length + schemaCases.length} failing cases, 3 warning cases)`, () => {
  it(`reports every raw-text problem at once (${rawCases.length} cases)`, async () => {
    const result = await build('raw', Object.assign({}, ...rawCases.map((c) => c.files)));
    for (const c of rawCases) expectFailure(result, c);
    expect(result.output).toContain(`${rawCases.length} content problems found`);
  });

  it(`reports every problem between files at once (${crossFileCases.length} cases)`, async () => {
    const result = await build('cross-file', Object.assign({}, ...crossFileCases.map((c) => c.files)));
    for (const c of crossFileCases) expectFailure(result, c);
  });

  for (const c of schemaCases) {
    it(`fails on ${c.name}`, async () => {
      expectFailure(await build(c.name, c.files), c);
    });
  }

  it('builds and warns on a 5 MB article, a misaligned rendering and a wrong figure in a rendering', async () => {
    const huge = Array.from({ length: 20_000 }, (_, i) => `ย่อหน้าที่ ${i} ${'ข่าวยาวมาก'.repeat(8)}`).join('\n\n');
    const result = await build('warnings', {
      'huge/th.mdx': original({}, huge),
      'misaligned/th.mdx': original({}, 'ย่อหน้าหนึ่ง\n\n## หัวข้อ\n\nย่อหน้าสอง'),
      'misaligned/en.mdx': rendering('', 'Paragraph one.\n\nParagraph two.\n\nParagraph three.'),
      'figures/th.mdx': original({}, 'การค้าแตะ 2.278 แสนล้านดอลลาร์ในปี 2566'),
      'figures/en.mdx': rendering('', 'Trade reached $2278 billion in 2026.'),
    });
    expect(result.ok, result.output.slice(-2000)).toBe(true);
    expect(result.output).toMatch(/huge\/th\.mdx: the story is \d+\.\d MB; it is published, but consider splitting it/);
    expect(result.output).toContain('misaligned: misaligned/en.mdx does not line up with misaligned/th.mdx from block 2 on (the original has a heading there, the rendering a paragraph)');
    expect(result.output).toMatch(/rendering check: \d+ findings in 1 of 2 translated stories/);
    expect(existsSync(join(result.outDir, 'th', 'articles', 'huge', 'index.html'))).toBe(true);
  });
});
