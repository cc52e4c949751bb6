import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/build-site.ts';
import { runScript } from '../support/run-script.ts';

/**
 * `npm run words`: learns the site's word list (content/words.txt) from the site's stories and other
 * folders, keeps what editors wrote, and writes nothing over a list with a broken line.
 */
const root = join(projectRoot, '.test-dist', 'word-list');
const articles = join(root, 'content', 'articles');
const list = join(root, 'content', 'words.txt');
const archive = join(root, 'archive');
const env = { NEWS_CONTENT_DIR: articles };

const story = (title: string, body: string) =>
  `---\ntitle: ${title}\nsummary: ${title}\npublished: 2025-03-05T10:00:00+07:00\nsection: world\nbyline: โต๊ะข่าว\n---\n\n${body}\n`;

beforeEach(async () => {
  await rm(root, { recursive: true, force: true });
  await mkdir(join(articles, 'one'), { recursive: true });
  await mkdir(join(articles, 'two'), { recursive: true });
  await mkdir(archive, { recursive: true });
  await writeFile(join(articles, 'one', 'th.mdx'), story('ผู้นำเมียนมาเยือนไทย', 'ผู้แทนเมียนมาพบนายกฯ เมียนมาขอบคุณไทย'));
  await writeFile(join(articles, 'two', 'th.mdx'), story('นางสาวแพทองธาร ชินวัตร พบผู้นำ', 'เมียนมากล่าวว่า เมียนมาพร้อมร่วมมือ'));
  // A release of an archive not published here, as plain text.
  await writeFile(join(archive, '0001.txt'), 'นางสาวแพทองธาร ชินวัตร เยือนจีน\n\nแพทองธารกล่าวว่าไทยพร้อม');
});

describe('npm run words', () => {
  it('learns the words two stories or more found, from the site and another folder, and keeps the editors’ lines', async () => {
    await writeFile(list, '# ชื่อที่โต๊ะข่าวเพิ่มเอง\nเครือข่าย\n');
    const first = runScript('words', ['--from', archive], env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('of 3;');
    const text = await readFile(list, 'utf8');
    expect(text.startsWith('# ชื่อที่โต๊ะข่าวเพิ่มเอง\nเครือข่าย\n\n# Added by npm run words on ')).toBe(true);
    const words = text.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(words).toEqual(expect.arrayContaining(['เครือข่าย', 'เมียนมา', 'แพทองธาร', 'ชินวัตร']));
    // Learned again from the same stories: nothing new, the file as it was.
    const again = runScript('words', ['--from', archive], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 new');
    expect(await readFile(list, 'utf8')).toBe(text);
  });

  it('writes a new list with its explaining note, and learns less from the site alone', async () => {
    const result = runScript('words', [], env);
    expect(result.status).toBe(0);
    const text = await readFile(list, 'utf8');
    expect(text.startsWith('# Thai words kept whole on a line')).toBe(true);
    expect(text).toContain('\nเมียนมา\n');
    // ชินวัตร follows a title in one story of the site only.
    expect(text).not.toContain('\nชินวัตร\n');
  });

  it('names each broken line of the list with its fix, and writes nothing over it', async () => {
    const broken = '# names\nเมียนมา\nMyanmar\n';
    await writeFile(list, broken);
    const result = runScript('words', [], env);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('words.txt:3: "Myanmar" is not one Thai word');
    expect(result.stderr).toContain('Fix: write one Thai word of up to 16 characters on the line');
    expect(await readFile(list, 'utf8')).toBe(broken);
  });

  it('says what a folder that is not there should be', () => {
    const result = runScript('words', ['--from', join(root, 'missing')], env);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not a folder; give a folder of story files (.mdx) or plain-text stories (.txt)');
  });
});
