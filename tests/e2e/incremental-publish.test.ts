import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../support/build-site.ts';
import { publishFiles, publishStories } from '../support/publish-content.ts';
import { publishSite } from '../support/run-script.ts';
import { listSiteFiles } from '../support/site-files.ts';
import { runBuildsAlone } from '../support/builds-alone.ts';

runBuildsAlone();

/**
 * Incremental publishing (`npm run build` onto a live site) against a fresh full build of the same
 * content, file for file, after each kind of change a newsroom makes; and a failed publish leaves
 * the live site whole. A small site (12 stories over five months, three sections, shared topics,
 * English renderings) keeps it quick while exercising listings, topics, related stories and both languages.
 */
const root = join(projectRoot, '.test-dist', 'incremental');
const contentDir = join(root, 'content');
const outDir = join(root, 'dist');
const env = { NEWS_CONTENT_DIR: contentDir, NEWS_OUT_DIR: outDir, NEWS_CACHE_DIR: join(root, 'cache'), NEWS_OG_CACHE_DIR: join(root, 'og') };

async function writeStoryFiles(files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(contentDir, path, '..'), { recursive: true });
    await writeFile(join(contentDir, path), text);
  }
}

/** Publishes onto the live site; returns the build's summary line. */
async function publishNow(): Promise<string> {
  const result = await publishSite(env);
  expect(result.status, result.stdout + result.stderr).toBe(0);
  return result.stdout.split('\n').find((line) => line.startsWith('published ')) ?? '';
}

/** The files of two sites that differ, or that only one has. */
async function differences(a: string, b: string): Promise<string[]> {
  const [filesA, filesB] = await Promise.all([listSiteFiles(a), listSiteFiles(b)]);
  const inB = new Set(filesB);
  const diff = [...filesA.filter((f) => !inB.has(f)).map((f) => `only in the published site: ${f}`)];
  const inA = new Set(filesA);
  diff.push(...filesB.filter((f) => !inA.has(f)).map((f) => `only in the full build: ${f}`));
  for (const file of filesA.filter((f) => inB.has(f))) {
    const [x, y] = await Promise.all([readFile(join(a, file)), readFile(join(b, file))]);
    if (!x.equals(y)) diff.push(`differs: ${file}`);
  }
  return diff;
}

/** The live site equals a fresh full build of the same content (its own output and cache folders). */
async function expectSameAsFullBuild(step: string): Promise<void> {
  const full = join(root, `full-${step}`);
  await buildSite({ outDir: full, contentDir, cacheDir: join(root, 'full-cache'), env: { NEWS_OG_CACHE_DIR: env.NEWS_OG_CACHE_DIR } });
  expect(await differences(outDir, full)).toEqual([]);
  await rm(full, { recursive: true, force: true });
}

const bodies = join(env.NEWS_CACHE_DIR, 'story-bodies');
const inode = (path: string) => statSync(path).ino;
const page = (lang: string, slug: string) => join(outDir, lang, 'articles', slug, 'index.html');
const card = (lang: string, slug: string) => join(outDir, lang, 'articles', slug, 'og.png');

// Each step is two builds of a small site, a few seconds each; the margin is for a busy shared machine.
describe('incremental publishing', { timeout: 300_000 }, () => {
  const stories = publishStories();

  beforeAll(async () => {
    await rm(root, { recursive: true, force: true });
    await writeStoryFiles({ ...publishFiles(stories), '../topics.yaml': '- id: politics\n  th: การเมือง\n  en: Politics\n' });
    const first = await publishNow();
    expect(first).toMatch(/^published every story \(full build/);
  }, 180_000);

  it('adds a story', async () => {
    const untouched = inode(card('th', 'story-02'));
    // An older month's page and the older year's search bundle: nothing in them changes.
    const olderMonth = join(outDir, 'th', 'archive', '2024', '11', 'index.html');
    const olderBundle = join(outDir, 'pagefind-2024', 'pagefind-entry.json');
    const untouchedMonth = inode(olderMonth);
    const untouchedBundle = inode(olderBundle);
    await writeStoryFiles(publishFiles([{ ...stories[11]!, slug: 'story-13', date: '2025-06-01T09:00:00+07:00', title: 'ข่าวใหม่ล่าสุด การท่องเที่ยว' }]));
    expect(await publishNow()).toMatch(/^published 1 story: \d+ pages written, 1 search bundle re-indexed, \d+ unchanged, [\d.]+ s$/);
    expect(existsSync(page('th', 'story-13'))).toBe(true);
    // A file the new story does not reach (another story's card) is the previous version's, linked, not written again.
    expect(inode(card('th', 'story-02'))).toBe(untouched);
    expect(inode(olderMonth)).toBe(untouchedMonth);
    expect(inode(olderBundle)).toBe(untouchedBundle);
    await expectSameAsFullBuild('add');
  });

  it('edits a Thai original', async () => {
    const file = join(contentDir, 'story-05/th.mdx');
    await writeFile(file, (await readFile(file, 'utf8')).replace('ข่าวที่ 5 ', 'ข่าวที่ห้า แก้ไขแล้ว ').replace('ฟื้นตัว', 'ฟื้นตัวอย่างรวดเร็ว'));
    expect(await publishNow()).toMatch(/^published 1 story:/);
    expect(await readFile(page('th', 'story-05'), 'utf8')).toContain('ข่าวที่ห้า แก้ไขแล้ว');
    await expectSameAsFullBuild('edit-th');
  });

  it('edits only an English rendering', async () => {
    const thai = inode(card('th', 'story-06'));
    const file = join(contentDir, 'story-06/en.mdx');
    await writeFile(file, (await readFile(file, 'utf8')).replace('would recover', 'would recover quickly'));
    expect(await publishNow()).toMatch(/^published 1 story:/);
    expect(await readFile(page('en', 'story-06'), 'utf8')).toContain('would recover quickly');
    expect(inode(card('th', 'story-06'))).toBe(thai);
    await expectSameAsFullBuild('edit-en');
  });

  it('adds a rendering to a Thai-only story', async () => {
    const story = stories[3]!;
    await writeStoryFiles(publishFiles([{ ...story, en: { title: 'Story 4 in English', body: 'The cabinet met on tourism.' } }]));
    expect(await publishNow()).toMatch(/^published 1 story:/);
    expect(existsSync(page('en', story.slug))).toBe(true);
    expect(existsSync(join(outDir, 'th/articles', story.slug, 'side-by-side/index.html'))).toBe(true);
    await expectSameAsFullBuild('add-rendering');
  });

  it("changes a story's section", async () => {
    const file = join(contentDir, 'story-07/th.mdx');
    await writeFile(file, (await readFile(file, 'utf8')).replace('section: politics', 'section: economy'));
    expect(await publishNow()).toMatch(/^published 1 story:/);
    expect(await readFile(join(outDir, 'th/sections/economy/index.html'), 'utf8')).toContain('/th/articles/story-07/');
    await expectSameAsFullBuild('section');
  });

  it('renames a slug: the old address redirects, in _redirects and as a refresh page', async () => {
    await rename(join(contentDir, 'story-08'), join(contentDir, 'story-08-renamed'));
    // The editor names the old slug in the original, as the README says.
    const file = join(contentDir, 'story-08-renamed/th.mdx');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^---\n/, '---\nformerSlugs: [story-08]\n'));
    // The new site links the live site's files; the redirect page written at the story's old address must not go through its link.
    const live = await realpath(outDir);
    const storyPage = await readFile(page('th', 'story-08'), 'utf8');
    expect(await publishNow()).toMatch(/^published 2 stories:/);
    expect(await readFile(join(live, 'th/articles/story-08/index.html'), 'utf8')).toBe(storyPage);
    expect(existsSync(page('th', 'story-08-renamed'))).toBe(true);
    expect(await readFile(page('th', 'story-08'), 'utf8')).toMatch(/<meta http-equiv="refresh" content="0; url=[^"]*\/th\/articles\/story-08-renamed\/"/);
    expect((await readFile(join(outDir, '_redirects'), 'utf8')).split('\n')).toContain('/th/articles/story-08/ /th/articles/story-08-renamed/ 301');
    await expectSameAsFullBuild('rename');
  });

  it('deletes a story', async () => {
    await rm(join(contentDir, 'story-03'), { recursive: true });
    expect(await publishNow()).toMatch(/^published 1 story: .*, \d+ pages? removed, [\d.]+ s$/);
    expect(existsSync(join(outDir, 'en/articles/story-03'))).toBe(false);
    await expectSameAsFullBuild('delete');
    // The build cache holds one body and one word list per story file, the deleted ones' removed, and Astro's store no body (src/data/story-bodies.ts).
    const storyFiles = (await readdir(contentDir, { recursive: true, encoding: 'utf8' })).filter((f) => f.endsWith('.mdx'));
    expect(await readdir(bodies)).toHaveLength(2 * storyFiles.length);
    expect(await readFile(join(env.NEWS_CACHE_DIR, 'data-store.json'), 'utf8')).not.toContain('data-block');
  });

  it('renders every story again with a new word list, and takes its words', async () => {
    // Each story says ฟื้นตัว (ฟื้น|ตัว to the segmenter) once: only the word list keeps it whole.
    const kept = '<span class="keep-word">ฟื้นตัว</span>';
    expect(await readFile(page('th', 'story-07'), 'utf8')).not.toContain(kept);
    await writeFile(join(contentDir, '../words.txt'), '# test\nฟื้นตัว\n');
    const storyCount = (await readdir(contentDir)).length;
    expect(await publishNow()).toMatch(new RegExp(`^published ${storyCount} stories:`));
    expect(await readFile(page('th', 'story-07'), 'utf8')).toContain(kept);
    await expectSameAsFullBuild('word-list');
  });

  it('renders a body again that the build cache lost', async () => {
    const kept = (await readdir(bodies)).sort();
    await rm(join(bodies, kept[0]!));
    expect(await publishNow()).toMatch(/^published /);
    expect((await readdir(bodies)).sort()).toEqual(kept);
  });

  it('indexes again a part whose search index the cache lost, and removes what a stopped build left there', async () => {
    const parts = join(env.NEWS_CACHE_DIR, 'search-parts');
    const part = (name: string) => name.split('.').slice(0, 2).join('.');
    const before = (await readdir(parts)).sort();
    // One index per part of the site's stories (pagefind-2025.2025-02-09.<digest>), none a later publish replaced.
    expect(new Set(before.map(part)).size).toBe(before.length);
    // The part of 1–8 January 2025 held only story-03, deleted above: its index went with it.
    expect(before.map(part)).not.toContain('pagefind-2025.2025-01-01');
    const lost = before.find((name) => name.startsWith('pagefind-2025.2025-01-09.'))!;
    await rm(join(parts, lost), { recursive: true });
    const dead = spawnSync('true').pid;
    const leftover = join(parts, `${lost}.unfinished-${dead}`);
    await mkdir(leftover);
    // A story of 11 February 2025: its year's bundle is merged again, January's parts included.
    const file = join(contentDir, 'story-09/th.mdx');
    await writeFile(file, (await readFile(file, 'utf8')).replace('ฟื้นตัว', 'ฟื้นตัวแน่นอน'));
    expect(await publishNow()).toMatch(/^published 1 story: .*1 search bundle re-indexed/);
    const after = (await readdir(parts)).sort();
    expect(after).toContain(lost);
    expect(existsSync(leftover)).toBe(false);
    expect(after.map(part)).toEqual(before.map(part));
    expect(after.filter((name) => !before.includes(name)).map(part)).toEqual(['pagefind-2025.2025-02-09']);
    await expectSameAsFullBuild('lost-part');
  });

  it('leaves the live site whole and served when a publish fails', async () => {
    const live = await realpath(outDir);
    const before = await listSiteFiles(outDir);
    await writeStoryFiles({ 'broken-story/th.mdx': '---\ntitle: ข่าวเสีย\npublished: not a date\n---\n\nเนื้อหา\n' });
    const result = await publishSite(env);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/broken-story\/th\.mdx:\d+: published/);
    expect(await realpath(outDir)).toBe(live);
    expect(await listSiteFiles(outDir)).toEqual(before);
    await rm(join(contentDir, 'broken-story'), { recursive: true });
    await expectSameAsFullBuild('after-failure');
  });
});
