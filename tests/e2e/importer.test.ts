import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../support/build-site.ts';
import { runScript } from '../support/run-script.ts';

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
    expect(html.querySelectorAll('article .prose script, article .prose img, article .prose h1, article .prose li, article .prose code, article .prose a')).toHaveLength(0);
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
      expect(result.stdout).toMatch(/COLLISION .*collide-b\.txt: slug "pm-meets-press-budget" belongs to another story; using "pm-meets-press-budget-[0-9a-f]{6}"/);
      expect(result.stdout).toContain('1 slug collisions resolved');
      runs.push({ folders: await folders(join(out, 'articles')), map: JSON.parse(await readFile(join(out, 'import-map.json'), 'utf8')) as Record<string, string[]> });
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
    expect(result.stdout).toMatch(/^FAILED {2}.*empty\.txt: the file is empty$/m);
    expect(result.stdout).toMatch(/^FAILED {2}.*undated\.txt: no publication date in the text/m);
    expect(result.stdout).toMatch(/^FAILED {2}.*missing\.txt: cannot read the file \(ENOENT\); check the path$/m);
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
