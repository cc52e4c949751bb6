import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../support/build-site.ts';
import { runScript } from '../support/run-script.ts';
import { runBuildsAlone } from '../support/builds-alone.ts';

runBuildsAlone();

const work = join(projectRoot, '.test-dist', 'importer');
const seedsDir = join(projectRoot, '../shared/seeds');

/** Lines that mean something in MDX, Markdown or HTML; each must come out as the same visible text. */
const hostileLines = [
  '{props.secret} และ {1 + 1}',
  '<script>alert("x")</script> ข่าว',
  '<img src=x onerror=alert(1)>',
  "import fs from 'node:fs'",
  'export const leaked = 1',
  'โค้ด `rm -rf /` ในข้อความ',
  '*ตัวหนา* _เอียง_ ~~ขีดฆ่า~~',
  '# ไม่ใช่หัวข้อ',
  '- ไม่ใช่รายการ',
  '1. ไม่ใช่รายการลำดับ',
  '> ไม่ใช่คำพูด',
  '[ลิงก์](javascript:alert(1))',
  'AT&amp;T &#123; &copy;',
  'a | b | c',
  'ทับกลับ \\ และ \\n',
  '---',
  '    ย่อหน้าเยื้อง',
  'ปู\u200Bติน\uFEFF เยือน',
];
const expectedText = hostileLines.map((line) => line.replace(/[\u200B\uFEFF]/g, '').trim());

function storyFile(title: string, lines: string[], date = 'วันพุธที่ 5 มีนาคม 2568'): string {
  return [title, ...lines, `ย่อหน้าลงวันที่ ${date}`].join('\n');
}

async function folders(dir: string): Promise<string[]> {
  return existsSync(dir) ? (await readdir(dir)).sort() : [];
}

describe('importer', () => {
  beforeAll(async () => {
    await rm(work, { recursive: true, force: true });
    await mkdir(join(work, 'in'), { recursive: true });
  });

  it('turns hostile text into MDX that builds and shows exactly that text', async () => {
    const input = join(work, 'in', 'hostile.txt');
    await writeFile(input, storyFile('ข่าวทดสอบ <b>ตัวหนา</b> {x}', hostileLines));
    const out = join(work, 'hostile');
    const result = runScript('import', ['--out', out, input]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [slug] = await folders(join(out, 'articles'));
    expect(slug).toMatch(/^story-[0-9a-f]{8}$/);
    await buildSite({ outDir: join(work, 'hostile-site'), contentDir: join(out, 'articles'), cacheDir: join(work, 'cache-hostile') });
    const html = parse(await readFile(join(work, 'hostile-site', 'th', 'articles', slug!, 'index.html'), 'utf8'));
    expect(html.querySelector('h1')?.textContent).toBe('ข่าวทดสอบ <b>ตัวหนา</b> {x}');
    const paragraphs = html.querySelectorAll('article .prose p').map((p) => p.textContent);
    expect(paragraphs.slice(0, expectedText.length)).toEqual(expectedText);
    expect(
      html.querySelectorAll('article .prose script, article .prose img, article .prose h1, article .prose li, article .prose code, article .prose a'),
    ).toHaveLength(0);
  });

  it('is idempotent: a second import changes nothing and duplicates nothing', async () => {
    const out = join(work, 'twice');
    const input = join(work, 'in', 'twice.txt');
    await writeFile(input, storyFile('ข่าวนำเข้าซ้ำ', ['ย่อหน้าหนึ่ง', 'ย่อหน้าสอง']));
    const first = runScript('import', ['--out', out, input]);
    expect(first.stdout).toMatch(/^new {7}story-[0-9a-f]{8} {2}th 3¶$/m);
    const [slug] = await folders(join(out, 'articles'));
    const before = await readFile(join(out, 'articles', slug!, 'th.mdx'), 'utf8');
    const second = runScript('import', ['--out', out, input]);
    expect(second.stdout).toContain(`unchanged ${slug}  th 3¶`);
    expect(second.stdout).toContain('1 files: 1 imported (0 new, 0 updated, 1 unchanged), 0 failed');
    expect(await folders(join(out, 'articles'))).toEqual([slug]);
    expect(await readFile(join(out, 'articles', slug!, 'th.mdx'), 'utf8')).toBe(before);

    // The story updated at its source is updated in place, keeping an editor's changes to the dek.
    const file = join(out, 'articles', slug!, 'th.mdx');
    await writeFile(file, before.replace(/^summary: .*$/m, 'summary: บทนำที่บรรณาธิการเขียน'));
    await writeFile(input, storyFile('ข่าวนำเข้าซ้ำ', ['ย่อหน้าหนึ่ง (แก้ไข)', 'ย่อหน้าสอง']));
    const third = runScript('import', ['--out', out, input]);
    expect(third.stdout).toContain(`updated   ${slug}  th 3¶`);
    const after = await readFile(file, 'utf8');
    expect(after).toContain('summary: บทนำที่บรรณาธิการเขียน');
    expect(after).toContain('ย่อหน้าหนึ่ง (แก้ไข)');
    expect(await folders(join(out, 'articles'))).toEqual([slug]);
  });

  it('resolves a slug collision between different stories the same way whatever the argument order, and reports it', async () => {
    const release = (id: number, body: string) =>
      [
        'รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-PM meets the press on the budget',
        '',
        'วันพุธที่ 20 มีนาคม 2567',
        'PM meets the press on the budget',
        body,
        `ที่มา : https://www.thaigov.go.th/news/contents/details/${id}`,
      ].join('\n');
    const a = join(work, 'in', 'collide-a.txt');
    const b = join(work, 'in', 'collide-b.txt');
    await writeFile(a, release(90001, 'The Prime Minister spoke about the budget.'));
    await writeFile(b, release(90002, 'The Prime Minister spoke about the budget again, a week later.'));
    const runs: { folders: string[]; map: Record<string, string[]> }[] = [];
    for (const [name, args] of [
      ['order-1', [a, b]],
      ['order-2', [b, a]],
    ] as const) {
      const out = join(work, name);
      const result = runScript('import', ['--out', out, ...args]);
      expect(result.stdout).toMatch(
        /COLLISION .*collide-b\.txt: slug "pm-meets-press-budget" belongs to another story; using "pm-meets-press-budget-[0-9a-f]{6}"/,
      );
      expect(result.stdout).toContain('1 slug collisions resolved');
      runs.push({
        folders: await folders(join(out, 'articles')),
        map: JSON.parse(await readFile(join(out, 'import-map.json'), 'utf8')) as Record<string, string[]>,
      });
    }
    expect(runs[0]!.folders).toHaveLength(2);
    expect(runs[1]!.folders).toEqual(runs[0]!.folders);
    const key = (path: string) => Object.keys(runs[0]!.map).find((k) => k.endsWith(path))!;
    expect(runs[0]!.map[key('collide-a.txt')]).toEqual(['/en/articles/pm-meets-press-budget/']);
    expect(runs[1]!.map[key('collide-a.txt')]).toEqual(['/en/articles/pm-meets-press-budget/']);
  });

  it('reports a file it cannot parse, imports the rest, and maps every input file', async () => {
    const out = join(work, 'mixed');
    const good = join(work, 'in', 'good.txt');
    const empty = join(work, 'in', 'empty.txt');
    const undated = join(work, 'in', 'undated.txt');
    await writeFile(good, storyFile('ข่าวดี', ['ย่อหน้า']));
    await writeFile(empty, '\uFEFF\n\n');
    await writeFile(undated, 'ข่าวไม่มีวันที่\nย่อหน้าเดียว');
    const result = runScript('import', ['--out', out, good, empty, undated, join(work, 'in', 'missing.txt')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^FAILED {2}.*empty\.txt: the file is empty\. Fix: check that the file is a story/m);
    expect(result.stdout).toMatch(/^FAILED {2}.*undated\.txt: no publication date in the text/m);
    expect(result.stdout).toMatch(/^FAILED {2}.*missing\.txt: cannot read the file \(ENOENT\)\. Fix: check the path$/m);
    expect(result.stdout).toContain('4 files: 1 imported (1 new, 0 updated, 0 unchanged), 3 failed');
    const map = JSON.parse(await readFile(join(out, 'import-map.json'), 'utf8')) as Record<string, string[]>;
    expect(Object.keys(map)).toHaveLength(4);
    const goodPaths = Object.entries(map).find(([k]) => k.endsWith('good.txt'))?.[1];
    expect(goodPaths).toHaveLength(1);
    expect(goodPaths?.[0]).toMatch(/^\/th\/articles\/story-[0-9a-f]{8}\/$/);
    expect(Object.entries(map).find(([k]) => k.endsWith('empty.txt'))?.[1]).toEqual([]);
  });

  it('dates a story whose text gives no year with --published, and refuses a timestamp without an offset', async () => {
    const out = join(work, 'published');
    const undated = join(work, 'in', 'undated-16-may.txt');
    await writeFile(undated, 'ข่าวไม่มีปี\nผู้นำเดินทางถึงเมื่อวันพฤหัสฯ (16 พ.ค.)');
    const result = runScript('import', ['--out', out, '--published', '2024-05-16T17:00+07:00', undated]);
    expect(result.status).toBe(0);
    const [slug] = await folders(join(out, 'articles'));
    expect(await readFile(join(out, 'articles', slug!, 'th.mdx'), 'utf8')).toMatch(/^published: ['"]?2024-05-16T17:00:00\+07:00['"]?$/m);
    const bad = runScript('import', ['--out', out, '--published', '2024-05-16 17:00', undated]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--published "2024-05-16 17:00" is not a date and time with its offset');
    // A day that does not exist is refused, as the build refuses it, not rolled over into March.
    const impossible = runScript('import', ['--out', out, '--published', '2025-02-30T10:00+07:00', undated]);
    expect(impossible.status).toBe(2);
    expect(impossible.stderr).toContain('--published "2025-02-30T10:00+07:00" has day 30, but February 2025 has 28 days');
  });

  it.skipIf(!existsSync(seedsDir))('re-imports both seeds to exactly the content the site ships', async () => {
    const out = join(work, 'seeds');
    await cp(join(projectRoot, 'content', 'articles'), join(out, 'articles'), { recursive: true });
    const seeds = (await readdir(seedsDir)).filter((f) => f.endsWith('.txt')).map((f) => join(seedsDir, f));
    const result = runScript('import', ['--out', out, ...seeds]);
    expect(result.stdout).toContain('unchanged putin-praises-russia-myanmar-ties  th 15¶');
    expect(result.stdout).toContain('unchanged putin-visits-china-75-years-ties  th 4¶ + en 4¶  (en: editor-reviewed rendering kept)');
    expect(result.status).toBe(0);
    for (const slug of ['putin-praises-russia-myanmar-ties', 'putin-visits-china-75-years-ties']) {
      for (const lang of ['th', 'en']) {
        const shipped = await readFile(join(projectRoot, 'content', 'articles', slug, `${lang}.mdx`), 'utf8');
        expect(await readFile(join(out, 'articles', slug, `${lang}.mdx`), 'utf8')).toBe(shipped);
      }
    }
  });
});

describe('importer: nothing lost, nothing silent', () => {
  const dir = join(work, 'safe');
  const release = (title: string, body: string, id: number) =>
    [`รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-${title}`, '', 'วันพุธที่ 20 มีนาคม 2567', title, body, `ที่มา : https://www.thaigov.go.th/news/contents/details/${id}`].join('\n');
  /** Thai in TIS-620: U+0E01–U+0E5B sit at 0xA1–0xFB. */
  const tis620 = (text: string) => Buffer.from([...text].map((c) => (c >= '\u0E01' && c <= '\u0E5B' ? c.charCodeAt(0) - 0x0e00 + 0xa0 : c.charCodeAt(0))));
  const noStack = (result: { stdout: string; stderr: string }) => expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
  const snapshot = async (root: string) => {
    const files = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    return Object.fromEntries(
      await Promise.all(files.filter((f) => f.isFile()).map(async (f) => [join(f.parentPath, f.name), await readFile(join(f.parentPath, f.name), 'utf8')])),
    );
  };

  beforeAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await mkdir(join(dir, 'in'), { recursive: true });
  });

  it('converts a TIS-620 file, saying so', async () => {
    const out = join(dir, 'tis620');
    const input = join(dir, 'in', 'tis620.txt');
    await writeFile(input, tis620(release('นายกรัฐมนตรีประชุมคณะรัฐมนตรี', 'นายกรัฐมนตรีเป็นประธานการประชุม', 91001)));
    const result = runScript('import', ['--out', out, input]);
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/^NOTE {4}.*tis620\.txt: read as Thai in TIS-620 \(Windows-874\) and converted to UTF-8; check the text on the site$/m);
    expect(await readFile(join(out, 'articles', 'thaigov-91001', 'th.mdx'), 'utf8')).toContain('title: นายกรัฐมนตรีประชุมคณะรัฐมนตรี\n');
  });

  it('converts a Windows-1252 rendering of an existing story, saying so', async () => {
    const out = join(dir, 'cp1252');
    await mkdir(join(out, 'articles', 'cafe-talks'), { recursive: true });
    await writeFile(
      join(out, 'articles', 'cafe-talks', 'en.mdx'),
      '---\ntitle: Café talks resume\nsummary: Talks resume.\npublished: 2025-03-05T00:00:00+07:00\nsection: world\nbyline: News desk\n---\n\nOld text.\n',
    );
    const input = join(dir, 'in', 'cp1252.txt');
    await writeFile(
      input,
      Buffer.concat([
        Buffer.from('Caf'),
        Buffer.from([0xe9]),
        Buffer.from(' talks resume\n'),
        Buffer.from([0x93]),
        Buffer.from('We agreed,'),
        Buffer.from([0x94]),
        Buffer.from(' the minister said.\n'),
      ]),
    );
    const result = runScript('import', ['--out', out, input]);
    expect(result.stdout).toMatch(/^NOTE {4}.*cp1252\.txt: read as Windows-1252 and converted to UTF-8/m);
    expect(result.stdout).toContain('updated   cafe-talks  en 1¶');
    expect(await readFile(join(out, 'articles', 'cafe-talks', 'en.mdx'), 'utf8')).toContain('\u201CWe agreed,\u201D the minister said.');
  });

  it('refuses a file mixing UTF-8 and Windows-1252, a NUL byte, a 6 MB file and a 400-character title, leaving the stories they would replace as they were', async () => {
    const out = join(dir, 'refused');
    const input = join(dir, 'in', 'story.txt');
    await writeFile(input, release('ข่าวต้นฉบับ', 'ย่อหน้าเดิม', 92001));
    expect(runScript('import', ['--out', out, input]).status).toBe(0);
    const before = await snapshot(out);
    const cases: [string, Buffer, RegExp][] = [
      [
        'mixed',
        Buffer.concat(
          release('ข่าวต้นฉบับ', 'ย่อหน้าใหม่ Caf\u0001 ครับ', 92001)
            .split('\u0001')
            .flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [Buffer.from([0xe9]), Buffer.from(part)])),
        ),
        /story\.txt:5: mixes encodings: the file is UTF-8, but column 16 holds bytes that are not \(E9[^)]*\).*\. Fix: save the whole file as UTF-8/,
      ],
      [
        'nul',
        Buffer.from(release('ข่าวต้นฉบับ', 'ย่อหน้า\u0000ใหม่', 92001)),
        /story\.txt:5: column 8 holds the control character U\+0000; the file is damaged or not text\. Fix: check it is the right file/,
      ],
      [
        'huge',
        Buffer.from(release('ข่าวต้นฉบับ', 'ย่อหน้ายาว\n'.repeat(200_000), 92001)),
        /story\.txt: the file is \d+\.\d MB, more than one story\. Fix: check it is the right file/,
      ],
      [
        'long title',
        Buffer.from(release('ข่าว'.repeat(100), 'ย่อหน้า', 92002)),
        /story\.txt: the Thai title is 400 characters; a headline has at most 300\. Fix: check the layout/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      await writeFile(input, bytes);
      const result = runScript('import', ['--out', out, input]);
      expect(result.status, name).toBe(1);
      expect(result.stdout, name).toMatch(new RegExp(`^FAILED {2}.*${message.source}`, 'm'));
      noStack(result);
      expect(await snapshot(out), `${name}: nothing changed`).toEqual(before);
    }
  });

  it('reads a --pair rendering as strictly as its original: converted with a note, or refused with the story and its map entry kept', async () => {
    const out = join(dir, 'pair');
    const thai = join(dir, 'in', 'pair-th.txt');
    const english = join(dir, 'in', 'pair-en.txt');
    await writeFile(thai, release('นายกฯ เยือนมาเลเซีย', 'นายกรัฐมนตรีเดินทางเยือนมาเลเซีย', 95001));
    await writeFile(
      english,
      Buffer.concat([Buffer.from('PM visits Malaysia\n'), Buffer.from([0x93]), Buffer.from('We agreed,'), Buffer.from([0x94]), Buffer.from(' the PM said.\n')]),
    );
    const converted = runScript('import', ['--out', out, '--pair', `${thai}=${english}`]);
    expect(converted.status, converted.stdout).toBe(0);
    expect(converted.stdout).toMatch(/^NOTE {4}.*pair-en\.txt \(the rendering of .*pair-th\.txt\): read as Windows-1252 and converted to UTF-8/m);
    expect(await readFile(join(out, 'articles', 'pm-visits-malaysia', 'en.mdx'), 'utf8')).toContain('\u201CWe agreed,\u201D the PM said.');
    const before = await snapshot(out);
    const cases: [string, Buffer, RegExp][] = [
      [
        'nul',
        Buffer.from('PM visits Malaysia\nThe PM\u0000 arrived.\n'),
        /pair-en\.txt \(the rendering of .*pair-th\.txt\):2: column 7 holds the control character U\+0000; the file is damaged or not text\. Fix: /,
      ],
      [
        'same language',
        Buffer.from('นายกฯ เยือนมาเลเซีย\nนายกรัฐมนตรีเดินทาง\n'),
        /pair-en\.txt \(the rendering of .*pair-th\.txt\): it is in the same language as the story\. Fix: pair a Thai file with its English rendering/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      await writeFile(english, bytes);
      const result = runScript('import', ['--out', out, '--pair', `${thai}=${english}`]);
      expect(result.status, name).toBe(1);
      expect(result.stdout, name).toMatch(new RegExp(`^FAILED {2}.*${message.source}`, 'm'));
      noStack(result);
      expect(await snapshot(out), `${name}: nothing changed, the map entry included`).toEqual(before);
    }
  });

  it('keeps the map entry of an input that has moved away', async () => {
    const out = join(dir, 'moved');
    const input = join(dir, 'in', 'moved.txt');
    await writeFile(input, release('ข่าวย้ายไฟล์', 'ย่อหน้า', 93001));
    expect(runScript('import', ['--out', out, input]).status).toBe(0);
    const map = await readFile(join(out, 'import-map.json'), 'utf8');
    await rm(input);
    const again = runScript('import', ['--out', out, input]);
    expect(again.stdout).toMatch(/^FAILED {2}.*moved\.txt: cannot read the file \(ENOENT\)\. Fix: check the path$/m);
    expect(await readFile(join(out, 'import-map.json'), 'utf8')).toBe(map);
  });

  it('stops with a message, writing nothing, on a damaged import map, an unreadable story or an --out that is no folder', async () => {
    const input = join(dir, 'in', 'ok.txt');
    await writeFile(input, release('ข่าวปกติ', 'ย่อหน้า', 94001));

    const badMap = join(dir, 'bad-map');
    await mkdir(badMap, { recursive: true });
    await writeFile(join(badMap, 'import-map.json'), '{"a.txt": [');
    const map = runScript('import', ['--out', badMap, input]);
    expect(map.status).toBe(2);
    expect(map.stderr).toMatch(/bad-map\/import-map\.json cannot be read \(.*\), so nothing was imported\. Fix: restore it from version control, or delete it/);
    expect(existsSync(join(badMap, 'articles'))).toBe(false);
    noStack(map);

    const badStory = join(dir, 'bad-story');
    await mkdir(join(badStory, 'articles', 'broken'), { recursive: true });
    await writeFile(join(badStory, 'articles', 'broken', 'th.mdx'), '---\ntitle: [ไม่ปิด\n---\n\nข้อความ\n');
    const story = runScript('import', ['--out', badStory, input]);
    expect(story.status).toBe(2);
    expect(story.stderr).toMatch(
      /1 existing story file cannot be read, so nothing was imported:\n {2}- .*bad-story\/articles\/broken\/th\.mdx: the frontmatter cannot be read \(.*\)\. Fix: correct it/,
    );
    expect(await readdir(join(badStory, 'articles'))).toEqual(['broken']);
    noStack(story);

    const file = join(dir, 'a-file.txt');
    await writeFile(file, 'x');
    const onFile = runScript('import', ['--out', file, input]);
    expect(onFile.status).toBe(2);
    expect(onFile.stderr).toContain('is a file, not a folder. Fix: give the content folder');
    const underFile = runScript('import', ['--out', join(file, 'content'), input]);
    expect(underFile.status).toBe(2);
    expect(underFile.stderr).toMatch(
      /The import stopped: cannot write .*a-file\.txt\/content.* \(ENOTDIR\)\. Fix: check that --out names a folder you can write to/,
    );
    noStack(onFile);
    noStack(underFile);
    expect(await readFile(file, 'utf8')).toBe('x');
  });
});
