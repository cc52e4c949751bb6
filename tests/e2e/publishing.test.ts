import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAlive } from '../../src/lib/publish.ts';
import { projectRoot, writeContent } from '../support/build-site.ts';
import { runScript } from '../support/run-script.ts';
import { runBuildsAlone, withBuildsLock } from '../support/builds-alone.ts';

runBuildsAlone();

/**
 * npm run build against real builds: two at once, and killed (the build script, or npm above it)
 * while Astro is building, or stopped while the search index is written after it. The swap itself, killed at each of its steps, is tested in tests/unit/publish.test.ts.
 * Each test starts its builds itself, so it holds the test files' builds lock throughout (builds-alone.ts).
 */
const story = (title: string) => `---
title: ${title}
summary: สรุปข่าว
published: 2025-03-05T10:00:00+07:00
section: world
byline: โต๊ะข่าว
---

เนื้อหา
`;

async function setup(name: string) {
  const root = join(projectRoot, '.test-dist', 'publishing', name);
  const contentDir = await writeContent(root, { 'good-story/th.mdx': story('ข่าวทดสอบ') });
  const outDir = join(root, 'dist');
  const env = { NEWS_CONTENT_DIR: contentDir, NEWS_OUT_DIR: outDir, NEWS_CACHE_DIR: join(root, 'cache'), NEWS_SOCIAL_CARDS: 'off', NO_COLOR: '1' };
  const page = () => readFileSync(join(outDir, 'th', 'articles', 'good-story', 'index.html'), 'utf8');
  return { root, outDir, env, page };
}

function start(command: string, args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string; done: Promise<number | null> } {
  const child = spawn(command, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => output, done };
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The processes whose parent is `pid` (Linux). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** What is beside dist once a build has finished: the live version, and the one the last publish replaced. */
function besideDist(root: string): string[] {
  return readdirSync(root)
    .filter((name) => name.startsWith('dist'))
    .sort();
}

describe('npm run build publishes atomically and alone', () => {
  it('two builds started together: the second waits for the first, both publish, one whole site remains', { timeout: 240_000 }, () =>
    withBuildsLock(async () => {
      const { root, outDir, env, page } = await setup('two-builds');
      const first = start(process.execPath, ['scripts/build.ts'], env);
      const second = start(process.execPath, ['scripts/build.ts'], env);
      const codes = await Promise.all([first.done, second.done]);
      expect(codes, first.output() + second.output()).toEqual([0, 0]);
      const outputs = [first.output(), second.output()];
      expect(outputs.filter((o) => /Another build \(process \d+\) is publishing to .*dist; waiting for it to finish/.test(o))).toHaveLength(1);
      expect(outputs.every((o) => /Published to .*dist \(dist\.v-[0-9TZ]+-\d+\)/.test(o))).toBe(true);
      expect(lstatSync(outDir).isSymbolicLink()).toBe(true);
      expect(page()).toContain('ข่าวทดสอบ');
      // The live version, and the one it replaced (the next build removes that).
      expect(besideDist(root)).toEqual(['dist', expect.stringMatching(/^dist\.v-/), expect.stringMatching(/^dist\.v-/)]);
    }),
  );

  it('killed with SIGKILL while Astro builds: its build stops too, the site stays, and the next build cleans up and publishes', { timeout: 240_000 }, () =>
    withBuildsLock(async () => {
      const { root, outDir, env, page } = await setup('killed');
      expect(runScript('build', [], env).status).toBe(0);
      const published = page();
      const build = start(process.execPath, ['scripts/build.ts'], env);
      // Killed once Astro has begun writing the new site beside the live one.
      await until(() => existsSync(join(root, `dist.building-${build.child.pid}`)), 60_000, 'Astro to start writing');
      const [astro] = childrenOf(build.child.pid!);
      expect(astro).toBeDefined();
      build.child.kill('SIGKILL');
      await build.done;
      await until(() => !isAlive(astro!), 10_000, 'the orphaned Astro build to end');
      expect(page()).toBe(published);
      expect(readFileSync(join(root, 'dist.lock'), 'utf8').trim()).toBe(String(build.child.pid));

      const next = runScript('build', [], env);
      expect(next.status, next.stderr).toBe(0);
      expect(next.stdout).toContain(`Removed what earlier builds left: dist.building-${build.child.pid}`);
      // The live version, and the one it replaced (the next build removes that).
      expect(besideDist(root)).toEqual(['dist', expect.stringMatching(/^dist\.v-/), expect.stringMatching(/^dist\.v-/)]);
      expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    }),
  );

  it(
    'stopped once Astro has finished, while the search index is written: nothing is published, and the lock and the staged site go',
    { timeout: 240_000 },
    () =>
      withBuildsLock(async () => {
        const { root, env, page } = await setup('stopped-indexing');
        expect(runScript('build', [], env).status).toBe(0);
        const published = page();
        const live = besideDist(root);
        writeFileSync(join(root, 'content', 'good-story', 'th.mdx'), story('ข่าวทดสอบฉบับแก้ไข'));
        const build = start(process.execPath, ['scripts/build.ts'], env);
        // Astro's last line: its process ends, and the build script writes the search index.
        await until(() => /\[build\] Complete!/.test(build.output()), 120_000, 'Astro to finish');
        build.child.kill('SIGTERM');
        expect(await build.done).not.toBe(0);
        expect(build.output()).toContain('The build stopped because it received SIGTERM; ');
        expect(build.output()).not.toContain('Published to');
        expect(page()).toBe(published);
        expect(existsSync(join(root, 'dist.lock'))).toBe(false);
        expect(besideDist(root)).toEqual(live);
      }),
  );

  it('npm killed: the build it started stops without publishing and releases its lock', { timeout: 240_000 }, () =>
    withBuildsLock(async () => {
      const { root, env, page } = await setup('npm-killed');
      expect(runScript('build', [], env).status).toBe(0);
      const published = page();
      const live = besideDist(root);
      const npm = start('npm', ['run', 'build'], env);
      await until(() => /\[content\]|building/i.test(npm.output()), 60_000, 'Astro to start');
      npm.child.kill('SIGKILL');
      await npm.done;
      await until(() => !existsSync(join(root, 'dist.lock')) && besideDist(root).join() === live.join(), 15_000, 'the build to stop and clean up');
      expect(page()).toBe(published);
    }),
  );
});
