import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, buildSite, projectRoot, writeContent } from '../support/build-site.ts';
import { runBuildsAlone } from '../support/builds-alone.ts';

runBuildsAlone();

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
  files: Record<string, string | Uint8Array>;
  /** Every string must appear in the output, in the message about this case; the first is the message's start. */
  expected: string[];
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
/** Thai in TIS-620 (Windows-874 without its extras): U+0E01–U+0E5B sit at 0xA1–0xFB. */
const tis620 = (text: string) => Buffer.from([...text].map((c) => (c >= '\u0E01' && c <= '\u0E5B' ? c.charCodeAt(0) - 0x0e00 + 0xa0 : c.charCodeAt(0))));
const deepIndentedList = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- ระดับ ${i}`).join('\n');

/** Files that fail the checks run on the raw text or bytes, or are not story files at all: all reported in one build. */
const rawCases: Case[] = [
  {
    name: 'malformed YAML',
    files: { 'bad-yaml/th.mdx': '---\ntitle: ข่าว\n  summary: [สรุป\n---\n\nข้อความ\n' },
    expected: ['bad-yaml/th.mdx:2: the frontmatter is not valid YAML', 'Fix: check the indentation and the quotes'],
  },
  {
    name: 'unclosed quote in YAML',
    files: { 'yaml-quote/th.mdx': '---\ntitle: ข่าว\nsummary: "สรุปไม่ปิด\npublished: 2025-03-05T10:00:00+07:00\n---\n\nข้อความ\n' },
    expected: ['yaml-quote/th.mdx:3: the frontmatter is not valid YAML (Missing closing "quote)'],
  },
  {
    name: 'bad date',
    files: { 'bad-date/th.mdx': original({ published: 'yesterday' }) },
    expected: ['bad-date/th.mdx:4: published: "yesterday" is not a date and time with a UTC offset. Fix: write it as 2025-03-05T10:00:00+07:00'],
  },
  {
    name: 'date without time',
    files: { 'bare-date/th.mdx': original({ published: '2025-03-05' }) },
    expected: ['bare-date/th.mdx:4: published: "2025-03-05" is not a date and time with a UTC offset'],
  },
  {
    name: 'time without offset',
    files: { 'no-offset/th.mdx': original({ updated: '2025-03-06T10:00:00' }) },
    expected: ['no-offset/th.mdx:7: updated: "2025-03-06T10:00:00" is not a date and time with a UTC offset'],
  },
  {
    name: '30 February',
    files: { 'feb-30/th.mdx': original({ published: '2025-02-30T10:00:00+07:00' }) },
    expected: ['feb-30/th.mdx:4: published: "2025-02-30T10:00:00+07:00" has day 30, but February 2025 has 28 days. Fix: correct the date'],
  },
  {
    name: 'month 13',
    files: { 'month-13/th.mdx': original({ published: '2025-13-01T10:00:00+07:00' }) },
    expected: ['month-13/th.mdx:4: published: "2025-13-01T10:00:00+07:00" has month 13; months run from 01 to 12. Fix: correct the date'],
  },
  {
    name: 'year 9999',
    files: { 'year-9999/th.mdx': original({ published: '9999-03-05T10:00:00+07:00' }) },
    expected: ['year-9999/th.mdx:4: published: "9999-03-05T10:00:00+07:00" is in the year 9999, outside 1900–2100. Fix: correct the date'],
  },
  {
    name: 'Buddhist-era year',
    files: { 'year-2568/th.mdx': original({ published: '2568-03-05T10:00:00+07:00' }) },
    expected: [
      'year-2568/th.mdx:4: published: "2568-03-05T10:00:00+07:00" is in the year 2568, outside 1900–2100. Fix: correct the date; 2568 looks like a Buddhist-era year: write the Common Era year (2025)',
    ],
  },
  {
    name: 'updated on 31 February',
    files: { 'updated-feb-31/th.mdx': original({ updated: '2025-02-31T10:00:00+07:00' }) },
    expected: ['updated-feb-31/th.mdx:7: updated: "2025-02-31T10:00:00+07:00" has day 31, but February 2025 has 28 days'],
  },
  {
    name: 'empty body',
    files: { 'empty-body/th.mdx': original({}, '') },
    expected: ['empty-body/th.mdx:8: the story has no text after its frontmatter (invisible characters do not count). Fix: add the paragraphs of the story'],
  },
  {
    name: 'body of zero-width spaces only',
    files: { 'invisible-body/th.mdx': original({}, '\u200B\u200B\n\n\uFEFF') },
    expected: ['invisible-body/th.mdx:8: the story has no text after its frontmatter (invisible characters do not count)'],
  },
  {
    name: 'MDX expression in text',
    files: { 'expression/th.mdx': original({}, 'ย่อหน้า {props.x} ข้อความ') },
    expected: ['expression/th.mdx:9: the line has a brace, which MDX reads as an expression. Fix: write \\{ and \\} for literal braces'],
  },
  {
    name: 'unclosed MDX tag',
    files: { 'unclosed-tag/th.mdx': original({}, 'ย่อหน้า <div> ไม่ปิด') },
    expected: ['unclosed-tag/th.mdx:9: the line has "<" before a letter, which MDX reads as a tag. Fix: write \\< for a literal "<"'],
  },
  {
    name: 'import statement in the body',
    files: { 'import-line/th.mdx': original({}, "import X from './x.js'\n\nย่อหน้า") },
    expected: ['import-line/th.mdx:9: the line starts with "import", which MDX runs as code'],
  },
  {
    name: 'no frontmatter at all',
    files: { 'no-frontmatter/th.mdx': 'ข่าวไม่มีส่วนหัว\n' },
    expected: ['no-frontmatter/th.mdx:1: the file does not start with a frontmatter block. Fix: begin it with a line "---"'],
  },
  {
    name: 'Windows-1252 bytes in a UTF-8 file',
    files: {
      'cp1252/th.mdx': Buffer.concat([utf8(original({}, 'ย่อหน้า ')).subarray(0, -1), Buffer.from([0x93]), utf8('Caf'), Buffer.from([0xe9, 0x94, 0x0a])]),
    },
    expected: [
      'cp1252/th.mdx:9: column 9 has bytes that are not UTF-8 (93 43 61 66); the file was probably saved as TIS-620, Windows-874 or Windows-1252. Fix: save the file as UTF-8',
    ],
  },
  {
    name: 'a file saved as TIS-620',
    files: { 'tis620/th.mdx': tis620(original()) },
    expected: ['tis620/th.mdx:2: column 8 has bytes that are not UTF-8 (A2 E8 D2 C7)'],
  },
  {
    name: 'a NUL byte',
    files: { 'nul-byte/th.mdx': original({}, 'ย่อหน้า\u0000หนึ่ง') },
    expected: ['nul-byte/th.mdx:9: column 8 holds the control character U+0000, which is not text. Fix: delete it'],
  },
  {
    name: '1,000 nested list levels',
    files: { 'deep-indent/th.mdx': original({}, deepIndentedList) },
    expected: [
      'deep-indent/th.mdx:20: the line is indented 22 spaces, which Markdown reads as lists or quotes nested more than 4 levels deep. Fix: remove the indentation',
    ],
  },
  {
    name: 'th.MDX beside th.mdx',
    files: { 'upper-case/th.mdx': original(), 'upper-case/th.MDX': original() },
    expected: [
      'upper-case/th.MDX: the build reads only files named exactly th.mdx or en.mdx, so this one would be left out of the site. Fix: th.mdx is beside it: copy what this file has that th.mdx lacks into th.mdx, then delete this file',
    ],
  },
  {
    name: 'th.md beside th.mdx',
    files: { 'md-twin/th.mdx': original(), 'md-twin/th.md': original() },
    expected: ['md-twin/th.md: the build reads only files named exactly th.mdx or en.mdx', 'Fix: th.mdx is beside it'],
  },
  {
    name: 'a lone en.md',
    files: { 'md-alone/th.mdx': original(), 'md-alone/en.md': rendering() },
    expected: [
      'md-alone/en.md: the build reads only files named exactly th.mdx or en.mdx, so this one would be left out of the site. Fix: rename it to en.mdx',
    ],
  },
  {
    name: 'a backup copy',
    files: { 'backup/th.mdx': original(), 'backup/th.mdx.bak': original() },
    expected: [
      "backup/th.mdx.bak: this looks like a backup or an editor's copy of a story file; the build does not read it. Fix: move it out of the articles folder",
    ],
  },
  {
    name: 'some other file',
    files: { 'notes/th.mdx': original(), 'notes/notes.txt': 'โน้ต' },
    expected: [
      'notes/notes.txt: "notes.txt" is not a story file (only th.mdx and en.mdx are read here). Fix: move it out of the articles folder (photos go in public/images/), or name it in the ignore option of the article loader',
    ],
  },
];

/** Problems that span files: all reported in one build. */
const crossFileCases: Case[] = [
  {
    name: 'English rendering with no Thai source',
    files: { 'orphan/en.mdx': rendering() },
    expected: ['orphan/en.mdx:4: translation: this rendering has no original: the story has no source file. Fix: add the source text beside it'],
  },
  {
    name: 'duplicate slug',
    files: { '2024/same-slug/th.mdx': original(), '2025/same-slug/th.mdx': original() },
    expected: [
      '2025/same-slug/th.mdx: the slug "same-slug" is already used by',
      '2024/same-slug/th.mdx. Fix: give one of the two stories a different folder name',
    ],
  },
  {
    name: 'wrong file name for the language',
    files: { 'french/fr.mdx': original() },
    expected: ['french/fr.mdx: the file name "fr" is not a language of the site. Fix: name the file th.mdx or en.mdx'],
  },
  {
    name: 'two originals',
    files: { 'twins/th.mdx': original(), 'twins/en.mdx': original({ title: 'Test' }) },
    expected: ['twins/th.mdx:1: translation: both', 'twins/en.mdx and', 'twins/th.mdx claim to be the original. Fix: add a "translation:" block'],
  },
  {
    name: 'folder name that is no slug',
    files: { 'Bad Folder/th.mdx': original() },
    expected: [
      'Bad Folder/th.mdx: the folder name "Bad Folder" is not a valid slug (it becomes the URL). Fix: rename the folder using lowercase Latin letters',
    ],
  },
  {
    name: 'file outside a story folder',
    files: { 'th.mdx': original() },
    expected: ['th.mdx: the article is not in a folder of its own. Fix: move it to content/articles/<slug>/th.mdx'],
  },
];

/** Schema problems and problems in a parsed body: all reported in one build, each with its line. */
const schemaCases: Case[] = [
  { name: 'missing title', files: { 'no-title/th.mdx': original({ title: '' }) }, expected: ['no-title/th.mdx:1: title: is missing. Fix: add the headline'] },
  {
    name: 'empty title',
    files: { 'empty-title/th.mdx': original({ title: '""' }) },
    expected: ['empty-title/th.mdx:2: title: must not be empty. Fix: write the headline'],
  },
  {
    name: '5,000-character title',
    files: { 'long-title/th.mdx': original({ title: 'ข่าว'.repeat(1250) }) },
    expected: ['long-title/th.mdx:2: title: is longer than 300 characters. Fix: shorten the headline'],
  },
  {
    name: 'missing summary',
    files: { 'no-summary/th.mdx': original({ summary: '' }) },
    expected: ['no-summary/th.mdx:1: summary: is missing. Fix: add the dek, one or two sentences under the headline'],
  },
  {
    name: 'unknown section',
    files: { 'bad-section/th.mdx': original({ section: 'wrld' }) },
    expected: ['bad-section/th.mdx:5: section: is not a section of the site. Fix: use one of: world, politics, economy'],
  },
  {
    name: 'no byline and no source',
    files: { 'no-credit/th.mdx': original({ byline: '' }) },
    expected: ['no-credit/th.mdx:1: byline: is missing: every original credits someone. Fix: set "byline" (writer or desk), "source" (agency), or both'],
  },
  {
    name: 'updated before published',
    files: { 'updated-early/th.mdx': original({ updated: '2025-03-04T10:00:00+07:00' }) },
    expected: ['updated-early/th.mdx:7: updated: is earlier than "published". Fix: correct one of the two dates'],
  },
  {
    name: 'javascript: source URL',
    files: { 'js-source/th.mdx': original({ sourceUrl: '"javascript:alert(1)"' }) },
    expected: ['js-source/th.mdx:7: sourceUrl: must be an http:// or https:// address. Fix: write the full address, starting with https://'],
  },
  {
    name: 'ftp: related link',
    files: { 'ftp-related/th.mdx': original({ related: '\n  - title: ข่าว\n    url: ftp://example.com/x' }) },
    expected: ['ftp-related/th.mdx:9: related.0.url: must be an http:// or https:// address'],
  },
  {
    name: 'image without credit',
    files: { 'no-credit-photo/th.mdx': original({ image: '\n  caption: ภาพ' }) },
    expected: ['no-credit-photo/th.mdx:7: image.credit: is missing. Fix: add who took the photo'],
  },
  {
    name: 'data: image',
    files: { 'data-image/th.mdx': original({ image: '\n  src: "data:image/png;base64,AAAA"\n  caption: ภาพ\n  credit: AFP' }) },
    expected: ['data-image/th.mdx:8: image.src: must be a path on this site, such as /images/putin.jpg. Fix: copy the photo into public/images/'],
  },
  {
    name: 'image path with ..',
    files: { 'dotdot-image/th.mdx': original({ image: '\n  src: /images/../../etc/passwd\n  caption: ภาพ\n  credit: AFP' }) },
    expected: ['dotdot-image/th.mdx:8: image.src: must not contain "..". Fix: write the path from the site root'],
  },
  {
    name: 'image path with .. written as escapes',
    files: { 'escaped-dotdot-image/th.mdx': original({ image: '\n  src: /images/%2e./.%2E/%2e%2E/etc/passwd\n  caption: ภาพ\n  credit: AFP' }) },
    expected: ['escaped-dotdot-image/th.mdx:8: image.src: must not contain "..". Fix: write the path from the site root'],
  },
  {
    name: 'image path with a stray %',
    files: { 'percent-image/th.mdx': original({ image: '\n  src: /images/50%off.jpg\n  caption: ภาพ\n  credit: AFP' }) },
    expected: ['percent-image/th.mdx:8: image.src: has a "%" that begins no escape. Fix: write a percent sign in a file name as %25'],
  },
  {
    name: 'image from another site',
    files: { 'remote-image/th.mdx': original({ image: '\n  src: https://example.com/p.jpg\n  caption: ภาพ\n  credit: AFP' }) },
    expected: ['remote-image/th.mdx:8: image.src: must be a path on this site'],
  },
  {
    name: 'image file that does not exist',
    files: { 'missing-image/th.mdx': original({ image: '\n  src: /images/nowhere.jpg\n  caption: ภาพ\n  credit: AFP' }) },
    expected: ['missing-image/th.mdx:8: image.src: "/images/nowhere.jpg" is not a file in public/. Fix: copy the photo to public/images/nowhere.jpg'],
  },
  {
    name: 'misspelt field',
    files: { 'misspelt/th.mdx': original({ titel: 'x' }) },
    expected: [
      'misspelt/th.mdx:7: titel: "titel" is not a field of a story. Fix: did you mean "title"? correct the name or remove the line; the fields are: title, summary',
    ],
  },
  {
    name: 'misspelt nested field',
    files: { 'misspelt-nested/th.mdx': original({ image: '\n  caption: ภาพ\n  credit: AFP\n  captoin: x' }) },
    expected: ['misspelt-nested/th.mdx:10: image.captoin: "captoin" is not a field of image. Fix: did you mean "caption"?'],
  },
  {
    name: 'tags not a list',
    files: { 'tags-text/th.mdx': original({ tags: 'รัสเซีย' }) },
    expected: ['tags-text/th.mdx:7: tags: must be a list. Fix: write it as [รัสเซีย, จีน]'],
  },
  {
    name: 'rendering with a story-wide field',
    files: { 'wide-field/th.mdx': original(), 'wide-field/en.mdx': rendering('section: world\n') },
    expected: [
      'wide-field/en.mdx:4: section: is story-wide, but this file has a "translation" block, which makes it a rendering. Fix: if this file is the story\'s original, remove its "translation" block; if it is the rendering, remove "section"',
    ],
  },
  {
    name: 'a translation block on the original',
    files: { 'translated-original/th.mdx': original().replace('---\n\n', 'translation:\n  translator: x\n  machine: false\n  reviewed: true\n---\n\n') },
    expected: [
      'translated-original/th.mdx:5: section: is story-wide, but this file has a "translation" block',
      'Fix: if this file is the story\'s original, remove its "translation" block',
    ],
  },
  {
    name: 'a second original missing its fields',
    files: { 'twin-fields/th.mdx': original(), 'twin-fields/en.mdx': '---\ntitle: Test\nsummary: S\n---\n\nText.\n' },
    expected: [
      'twin-fields/en.mdx:1: published: is required in an original (this file has no "translation" block). Fix: add published: 2025-03-05T10:00:00+07:00; if this file is a rendering, add its "translation" block instead',
    ],
  },
  {
    name: 'rendering without translator',
    files: { 'no-translator/th.mdx': original(), 'no-translator/en.mdx': rendering().replace('  translator: Desk\n', '') },
    expected: ['no-translator/en.mdx:4: translation.translator: is missing. Fix: add who made the rendering'],
  },
  {
    name: 'machine flag not a yes/no',
    files: { 'machine-maybe/th.mdx': original(), 'machine-maybe/en.mdx': rendering().replace('machine: true', 'machine: maybe') },
    expected: ['machine-maybe/en.mdx:6: translation.machine: must be true or false. Fix: write true or false'],
  },
  {
    name: '60 nested list levels',
    files: { 'deep-list/th.mdx': original({}, `ย่อหน้า\n\n${'- '.repeat(60)}ลึก`) },
    expected: ['deep-list/th.mdx:11: lists or quotes nest more than 4 levels deep here, wider than a phone can show. Fix: flatten them to at most 4 levels'],
  },
];

function build(name: string, files: Record<string, string | Uint8Array>): Promise<{ ok: boolean; output: string; outDir: string }> {
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

/** Every file of a content folder with its bytes, to show a build changed none of them. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const entries = await Promise.all(
    files.filter((f) => f.isFile()).map(async (f) => [join(f.parentPath, f.name), (await readFile(join(f.parentPath, f.name))).toString('base64')] as const),
  );
  return new Map(entries);
}

const allCases = [...rawCases, ...crossFileCases, ...schemaCases];
/** How each case's message reads in the build's output, for the closing count. */
const tally = { tried: 0, fileLineFix: 0, fileFix: 0, lost: 0, without: [] as string[] };

function count(output: string, testCase: Case): void {
  tally.tried++;
  const message = output.split('\n').find((line) => line.includes(testCase.expected[0]!)) ?? '';
  if (/\S+\.mdx?:\d+: .*\. Fix: \S/.test(message)) tally.fileLineFix++;
  else if (/\S+: .*\. Fix: \S/.test(message)) tally.fileFix++;
  else tally.without.push(`${testCase.name}: ${message}`);
}

describe(`broken content (${allCases.length} failing cases, 7 warning cases)`, () => {
  for (const [group, cases] of [
    ['raw-text', rawCases],
    ['cross-file', crossFileCases],
    ['schema', schemaCases],
  ] as const) {
    it(`reports every ${group} problem in one build, changing no file (${cases.length} cases)`, async () => {
      const result = await build(group, Object.assign({}, ...cases.map((c) => c.files)));
      // A build that succeeds publishes without the broken story: that story is lost.
      if (result.ok) tally.lost += cases.length;
      for (const c of cases) count(result.output, c);
      for (const c of cases) expectFailure(result, c);
      const contentDir = join(result.outDir, '..', 'content');
      const written = await snapshot(contentDir);
      expect(written.size).toBe(cases.reduce((n, c) => n + Object.keys(c.files).length, 0));
      for (const c of cases)
        for (const [path, text] of Object.entries(c.files)) expect(written.get(join(contentDir, path))).toBe(Buffer.from(text).toString('base64'));
    });
  }

  it('accounts for every case: each names its file and a fix, with the line wherever the problem has one; no story is lost', () => {
    expect(tally.tried).toBe(allCases.length);
    expect(tally.lost).toBe(0);
    expect(tally.without).toEqual([]);
    // Problems with no line: a file's name, a folder's name, a slug shared by two folders.
    expect(tally.fileFix).toBe(allCases.filter((c) => !/^[^:]+:\d+: /.test(c.expected[0]!)).length);
    console.log(
      `broken content: ${tally.tried} cases, ${tally.fileLineFix} with file, line and fix, ${tally.fileFix} file-wide with file and fix, ${tally.lost} lost`,
    );
  });

  it('reports a story file or folder behind a symbolic link instead of leaving it out', async () => {
    const root = join(projectRoot, '.test-dist', 'broken-content', 'symbolic-links');
    const contentDir = await writeContent(root, { 'plain/th.mdx': original() });
    const outside = join(root, 'outside');
    await mkdir(join(outside, 'folder'), { recursive: true });
    await writeFile(join(outside, 'th.mdx'), original());
    await writeFile(join(outside, 'folder', 'th.mdx'), original());
    await mkdir(join(contentDir, 'linked-file'));
    await symlink(join(outside, 'th.mdx'), join(contentDir, 'linked-file', 'th.mdx'));
    await symlink(join(outside, 'folder'), join(contentDir, 'linked-folder'));
    const result = await buildSite({ outDir: join(root, 'dist'), contentDir, cacheDir: join(root, 'cache') }).then(
      ({ output }) => ({ ok: true, output }),
      (error: { output?: string }) => ({ ok: false, output: error.output ?? String(error) }),
    );
    expect(result.ok).toBe(false);
    for (const link of ['linked-file/th.mdx', 'linked-folder']) {
      expect(result.output).toContain(
        `${link}: is a symbolic link (or another special file), which the build does not follow. Fix: put the file or story folder itself here`,
      );
    }
  });

  it('reports each line of the word list that is not a Thai word, with its line and fix, and builds nothing', async () => {
    const result = await buildContent(join(projectRoot, '.test-dist', 'broken-content', 'word-list'), {
      'plain/th.mdx': original(),
      '../words.txt': '# names\nเครือข่าย\nVladimir Putin\nปูติน เมียนมา\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('words.txt:3: "Vladimir Putin" is not one Thai word');
    expect(result.output).toContain('words.txt:4: "ปูติน เมียนมา" is not one Thai word');
    expect(result.output).toContain('Fix: write one Thai word of up to 16 characters on the line, or start the line with # to keep it as a note');
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  });

  it('fails fast on 1,000 nested list levels (the parser would take a minute)', async () => {
    const started = Date.now();
    const result = await build('deep-alone', { 'deep/th.mdx': original({}, deepIndentedList) });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('deep/th.mdx:20: the line is indented 22 spaces');
    expect(Date.now() - started).toBeLessThan(45_000);
  });

  it(
    'builds and warns on a 5 MB article, a misaligned rendering, a wrong figure, an open override, a future date; skips ignored files; links and photos are safe',
    { timeout: 180_000 },
    async () => {
      const huge = Array.from({ length: 20_000 }, (_, i) => `ย่อหน้าที่ ${i} ${'ข่าวยาวมาก'.repeat(8)}`).join('\n\n');
      const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      const result = await build('warnings', {
        'huge/th.mdx': original({}, huge),
        'misaligned/th.mdx': original({}, 'ย่อหน้าหนึ่ง\n\n## หัวข้อ\n\nย่อหน้าสอง'),
        'misaligned/en.mdx': rendering('', 'The opening.\n\nThe middle.\n\nThe close.'),
        'figures/th.mdx': original({}, 'การค้าแตะ 2.278 แสนล้านดอลลาร์ในปี 2566'),
        'figures/en.mdx': rendering('', 'Trade reached $2278 billion in 2026.'),
        'override/th.mdx': original({ title: 'ข่าว \u202Eกลับด้าน', summary: 'สรุป \u2067ชื่อ\u2069 ครบคู่' }, 'ย่อหน้า \u202Dเปิดค้าง\n\nย่อหน้าปกติ'),
        // The newest story, so the front page's lead, with a dek that begins with its headline.
        'future/th.mdx': original({
          title: 'ข่าวล่วงหน้า',
          summary: 'ข่าวล่วงหน้า สรุปส่วนที่เหลือ',
          published: `${future}T10:00:00+07:00`,
          image: '\n  src: /favicon.svg\n  alt: ภาพประกอบข่าวล่วงหน้า\n  caption: ภาพ\n  credit: AFP',
        }),
        'links/th.mdx': original({
          sourceUrl: 'https://example.com/source',
          image: '\n  src: /favicon.svg\n  alt: ไอคอน\n  caption: ภาพ\n  credit: AFP',
          related: '\n  - title: ข่าวเกี่ยวข้อง\n    url: https://example.com/related',
          source: 'AFP',
        }),
        'links/.DS_Store': Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]),
      });
      expect(result.ok, result.output.slice(-2000)).toBe(true);
      expect(result.output).toMatch(/huge\/th\.mdx: the story is \d+\.\d MB; it is published, but consider splitting it/);
      expect(result.output).toContain(
        'misaligned: misaligned/en.mdx does not line up with misaligned/th.mdx from block 2 on (the original has a heading there, the rendering a paragraph)',
      );
      expect(result.output).toMatch(/rendering check: \d+ findings in 1 of 2 translated stories/);
      expect(existsSync(join(result.outDir, 'th', 'articles', 'huge', 'index.html'))).toBe(true);

      expect(result.output).toContain(
        'override/th.mdx:9: 2 direction controls were removed (an override or embedding opened and never closed, or closed and never opened); check the text reads in the right order',
      );
      const story = await readFile(join(result.outDir, 'th', 'articles', 'override', 'index.html'), 'utf8');
      expect(story).not.toMatch(/[\u202A-\u202E]/);
      expect(story).toContain('สรุป \u2067ชื่อ\u2069 ครบคู่');
      expect(result.output).toContain(
        `future/th.mdx:4: published: "${future}T10:00:00+07:00" is more than a day in the future; the story is published with that date`,
      );

      // The lead card says its headline once: the dek from where the headline ends.
      const front = await readFile(join(result.outDir, 'th', 'index.html'), 'utf8');
      const lead = front.slice(front.indexOf('data-story-card="lead"'));
      const dek = /data-card-dek[^>]*>([\s\S]*?)<\/p>/
        .exec(lead)![1]!
        .replace(/<[^>]+>/g, '')
        .trim();
      expect(lead).toContain('ข่าวล่วงหน้า');
      expect(dek).toBe('สรุปส่วนที่เหลือ');
      // A story with a photo leads with it.
      expect(lead.slice(0, lead.indexOf('</article>'))).toMatch(
        /<img [^>]*src="\/favicon\.svg"[^>]*alt="ภาพประกอบข่าวล่วงหน้า"|<img [^>]*alt="ภาพประกอบข่าวล่วงหน้า"[^>]*src="\/favicon\.svg"/,
      );

      const links = await readFile(join(result.outDir, 'th', 'articles', 'links', 'index.html'), 'utf8');
      expect(links).toMatch(
        /<a [^>]*href="https:\/\/example\.com\/source"[^>]*rel="noopener noreferrer"|<a [^>]*rel="noopener noreferrer"[^>]*href="https:\/\/example\.com\/source"/,
      );
      expect(links).toMatch(
        /<a [^>]*href="https:\/\/example\.com\/related"[^>]*rel="noopener noreferrer"|<a [^>]*rel="noopener noreferrer"[^>]*href="https:\/\/example\.com\/related"/,
      );
      expect(links).toContain('src="/favicon.svg"');
    },
  );
});
