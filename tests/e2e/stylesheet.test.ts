import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../support/build-site.ts';
import { runBuildsAlone } from '../support/builds-alone.ts';

runBuildsAlone();

/**
 * Tailwind reads class names from the code only (global.css: source(none) plus @source), so a story's
 * words never reach the stylesheet: a new story that says "hidden flex" and a layout word leaves its bytes,
 * and with them the hashed file name every page links to, as they were.
 */

const story = (title: string, body: string) => `---
title: ${title}
summary: ${title}
published: 2025-03-05T10:00:00+07:00
section: technology
byline: Technology desk
---

${body}
`;

/**
 * Class names no code uses, spelt here in pieces: Tailwind reads this file too, and must not find
 * them whole in it.
 */
const words = ['cont|ainer', 'trun|cate', 'text|-9xl', 'grid|-cols-7'].map((w) => w.replace('|', ''));

async function stylesheets(dir: string): Promise<Map<string, string>> {
  const folder = join(dir, '_astro');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.css')).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(folder, name), 'utf8')] as const)));
}

/*
 * The stories live where a newsroom's do, in a folder git does not ignore (Tailwind's automatic
 * detection skips ignored ones, so a story under .test-dist could not show the problem).
 */
const contentDir = join(projectRoot, 'tests', 'stylesheet-test-content');
const outRoot = join(projectRoot, '.test-dist', 'stylesheet');

async function build(name: string, files: Record<string, string>) {
  await rm(contentDir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(contentDir, path)), { recursive: true });
    await writeFile(join(contentDir, path), text);
  }
  const outDir = join(outRoot, name);
  await buildSite({ outDir, contentDir, cacheDir: join(outRoot, `cache-${name}`) });
  return stylesheets(outDir);
}

afterAll(() => rm(contentDir, { recursive: true, force: true }));

describe('stylesheet', () => {
  it('does not change when a story uses words that are Tailwind class names', async () => {
    const base = { 'plain/en.mdx': story('A plain story', 'Nothing here looks like code.') };
    const a = await build('before', base);
    const b = await build('after', {
      ...base,
      'words/en.mdx': story(`A hidden flex ${words[0]}`, `The hidden flex ${words.join(' ')} held them all.`),
    });
    expect(a.size).toBeGreaterThan(0);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, css] of a) expect(b.get(name), name).toBe(css);
    // Not in the code, so not in the stylesheet: had Tailwind read the story, they would be.
    for (const word of words) expect([...b.values()].join('')).not.toContain(`.${word}`);
  }, 240_000);
});
