import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, LockHeld, siteSlots, type PublishStep } from '../../src/lib/publish.ts';

const harness = resolve(import.meta.dirname, '../support/publish-step.ts');
let work: string;

function site(name: string, text: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'th'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
  writeFileSync(join(dir, 'th', 'index.html'), text);
  return dir;
}

function run(...args: string[]) {
  return spawnSync(process.execPath, [harness, ...args], { encoding: 'utf8' });
}

/** What a reader gets from dist: the whole old site, the whole new one, or nothing. */
function served(outDir: string): string | null {
  if (!existsSync(join(outDir, 'index.html'))) return null;
  const home = readFileSync(join(outDir, 'index.html'), 'utf8');
  expect(readFileSync(join(outDir, 'th', 'index.html'), 'utf8'), 'every page from the same version').toBe(home);
  return home;
}

afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('publishing: a kill at any step leaves a whole site, and the next build cleans up', () => {
  const steps: PublishStep[] = ['link-made', 'swapped'];
  for (const step of steps) {
    it(`killed at "${step}"`, () => {
      work = mkdtempSync(join(tmpdir(), 'publish-'));
      const outDir = join(work, 'dist');
      expect(run(outDir, 'publish', site('dist.v-1-old', 'old')).status).toBe(0);
      expect(lstatSync(outDir).isSymbolicLink()).toBe(true);
      const killed = run(outDir, 'publish', site('dist.v-2-new', 'new'), step);
      expect(killed.signal).toBe('SIGKILL');
      expect(served(outDir)).toBe(step === 'link-made' ? 'old' : 'new');
      // The next build takes over the dead build's lock and removes what it left.
      const next = run(outDir, 'recover');
      expect(next.status, next.stderr).toBe(0);
      expect(served(outDir)).toBe(step === 'link-made' ? 'old' : 'new');
      expect(readdirSync(work).sort()).toEqual(['dist', step === 'link-made' ? 'dist.v-1-old' : 'dist.v-2-new']);
    });
  }

  it('a publish leaves the version it replaced for the next build to remove', () => {
    work = mkdtempSync(join(tmpdir(), 'publish-'));
    const outDir = join(work, 'dist');
    expect(run(outDir, 'publish', site('dist.v-1-old', 'old')).status).toBe(0);
    expect(run(outDir, 'publish', site('dist.v-2-new', 'new')).status).toBe(0);
    expect(served(outDir)).toBe('new');
    expect(readdirSync(work).sort()).toEqual(['dist', 'dist.v-1-old', 'dist.v-2-new']);
    const next = run(outDir, 'recover');
    expect(JSON.parse(next.stdout).removed).toEqual(['dist.v-1-old']);
    expect(readdirSync(work).sort()).toEqual(['dist', 'dist.v-2-new']);
  });

  it('killed between the two renames that turn a plain dist folder into a link: the next build restores it', () => {
    work = mkdtempSync(join(tmpdir(), 'publish-'));
    const outDir = join(work, 'dist');
    site('dist', 'old');
    const killed = run(outDir, 'publish', site('dist.v-2-new', 'new'), 'plain-folder-moved');
    expect(killed.signal).toBe('SIGKILL');
    const next = run(outDir, 'recover');
    expect(next.status, next.stderr).toBe(0);
    // The newest version is linked: the new build, which had completed before it was published.
    expect(served(outDir)).toBe('new');
    expect(readdirSync(work).sort()).toEqual(['dist', 'dist.v-2-new']);
  });

  it('killed while building (a staging folder) or before publishing (a version not linked): removed, the live site kept', () => {
    work = mkdtempSync(join(tmpdir(), 'publish-'));
    const outDir = join(work, 'dist');
    expect(run(outDir, 'publish', site('dist.v-1-old', 'old')).status).toBe(0);
    site('dist.building-99999', 'half');
    site('dist.v-3-unpublished', 'complete but never published');
    site('dist.previous-12345', 'from the two-rename swap');
    writeFileSync(join(work, 'dist.lock'), '99999999\n');
    const next = run(outDir, 'recover');
    expect(next.status, next.stderr).toBe(0);
    expect(JSON.parse(next.stdout).removed.sort()).toEqual(['dist.building-99999', 'dist.previous-12345', 'dist.v-3-unpublished']);
    expect(served(outDir)).toBe('old');
    expect(readdirSync(work).sort()).toEqual(['dist', 'dist.v-1-old']);
  });
});

describe('the publishing lock', () => {
  it('refuses a second holder while the first lives, names it, and is taken over once it is dead', async () => {
    work = mkdtempSync(join(tmpdir(), 'publish-'));
    const { lock } = siteSlots(join(work, 'dist'));
    const release = await acquireLock(lock);
    const second = await acquireLock(lock, process.pid + 1).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(LockHeld);
    expect((second as LockHeld).holder).toBe(process.pid);
    await release();
    expect(existsSync(lock)).toBe(false);
    writeFileSync(lock, '99999999\n');
    const takeover = await acquireLock(lock);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    await takeover();
  });

  it("goes to exactly one of several builds that find a dead build's lock at once", async () => {
    work = mkdtempSync(join(tmpdir(), 'publish-'));
    const { lock } = siteSlots(join(work, 'dist'));
    for (let round = 0; round < 20; round++) {
      writeFileSync(lock, '99999999\n');
      const tries = await Promise.allSettled(Array.from({ length: 6 }, () => acquireLock(lock)));
      const held = tries.filter((t) => t.status === 'fulfilled');
      expect(held, `round ${round}`).toHaveLength(1);
      for (const t of tries) if (t.status === 'rejected') expect(t.reason).toBeInstanceOf(LockHeld);
      await (held[0] as PromiseFulfilledResult<() => Promise<void>>).value();
      expect(existsSync(lock)).toBe(false);
    }
  });

  it('is taken for a site whose folder does not exist yet (its parent is made)', async () => {
    work = mkdtempSync(join(tmpdir(), 'publish-'));
    const { lock } = siteSlots(join(work, 'srv', 'news', 'dist'));
    const release = await acquireLock(lock);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    await release();
  });
});
