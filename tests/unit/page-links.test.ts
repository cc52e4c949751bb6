import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkPagesOnThread } from '../../src/integrations/page-links.ts';
import { filesUnder, removeEmptyFolders } from '../../src/lib/files.ts';

const root = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'page-links-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A live site of `count` story pages, each in its own folder, and the paths of its files. */
function liveSite(name: string, count: number): { from: string; files: string[] } {
  const from = join(scratch, name);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = `th/articles/s${i}/index.html`;
    mkdirSync(join(from, 'th', 'articles', `s${i}`), { recursive: true });
    writeFileSync(join(from, file), `page ${i}`);
    files.push(file);
  }
  return { from, files };
}

describe('linking the live site into the staged one on a thread', () => {
  it('links every file at its path, the same file and not a copy', async () => {
    const { from, files } = liveSite('live', 3);
    const to = join(scratch, 'staged');
    const links = linkPagesOnThread(root, { from, to, files });
    expect(await links.finish()).toBe(3);
    expect((await filesUnder(to)).map((file) => file.slice(to.length + 1))).toEqual(files);
    expect(statSync(join(to, files[1]!)).ino).toBe(statSync(join(from, files[1]!)).ino);
  });

  it('takes back files linked already and files not yet reached, and never touches the live site', async () => {
    const { from, files } = liveSite('live-many', 2000);
    const to = join(scratch, 'staged-many');
    const links = linkPagesOnThread(root, { from, to, files });
    // The first and the last of the list: taken back whether the thread has reached them yet or not.
    await links.takeBack([files[0]!, files[1999]!, 'never/listed.html']);
    expect(await links.finish()).toBe(1998);
    expect(existsSync(join(to, files[0]!))).toBe(false);
    expect(existsSync(join(to, files[1999]!))).toBe(false);
    expect(existsSync(join(to, files[1]!))).toBe(true);
    expect(existsSync(join(from, files[0]!))).toBe(true);
    await removeEmptyFolders(to, 'th/articles/s0');
    expect(existsSync(join(to, 'th/articles/s0'))).toBe(false);
    expect(existsSync(join(to, 'th/articles'))).toBe(true);
  });

  it('fails in finish() naming a file that could not be linked, unless it was taken back', async () => {
    const { from, files } = liveSite('live-gap', 2);
    const missing = liveSite('nowhere', 0).from;
    const broken = linkPagesOnThread(root, { from: missing, to: join(scratch, 'staged-gap'), files });
    await expect(broken.finish()).rejects.toThrow(/2 pages of the live site could not be linked: ENOENT/);
    const forgiven = linkPagesOnThread(root, { from, to: join(scratch, 'staged-gap-2'), files: [...files, 'th/gone.html'] });
    await forgiven.takeBack(['th/gone.html']);
    expect(await forgiven.finish()).toBe(2);
  });
});
