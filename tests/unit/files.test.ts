import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder, linkPool } from '../../src/lib/files.ts';

const root = mkdtempSync(join(tmpdir(), 'files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('linkPool', () => {
  it('hard-links files into another folder at the same paths, making the folders they need', async () => {
    const from = join(root, 'live');
    mkdirSync(join(from, 'th', 'articles', 'a'), { recursive: true });
    writeFileSync(join(from, 'th', 'articles', 'a', 'index.html'), 'a');
    writeFileSync(join(from, 'th', 'articles', 'b.html'), 'b');
    writeFileSync(join(from, 'top.txt'), 'top');
    const to = join(root, 'staged');
    const pool = linkPool(from, to);
    for (const rel of ['th/articles/a/index.html', 'th/articles/b.html', 'top.txt']) pool.add(rel);
    expect(await pool.done()).toBe(3);
    expect((await filesUnder(to)).map((file) => file.slice(to.length + 1))).toEqual(['th/articles/a/index.html', 'th/articles/b.html', 'top.txt']);
    // The same file, not a copy.
    expect(statSync(join(to, 'top.txt')).ino).toBe(statSync(join(from, 'top.txt')).ino);
  });

  it('fails in done() when a file cannot be linked', async () => {
    const pool = linkPool(join(root, 'nowhere'), join(root, 'out'));
    pool.add('missing.html');
    await expect(pool.done()).rejects.toThrow(/ENOENT/);
  });
});
