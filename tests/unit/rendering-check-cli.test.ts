import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkContentDir,
  checkRecordedPairs,
  describeFinding,
  readStoryText,
  type RecordedPair,
  type StoryFindings,
} from '../../src/lib/rendering-check/content.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const script = join(projectRoot, 'scripts/check-renderings.ts');
const seedThai = join(projectRoot, 'tests/fixtures/seed-2-thai.txt');
const seedEnglish = join(projectRoot, 'tests/fixtures/seed-2-machine-en.txt');

function run(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A content folder with one story whose English rendering gets the year wrong. */
const contentDir = mkdtempSync(join(tmpdir(), 'rendering-check-'));
mkdirSync(join(contentDir, 'world', 'trade-story'), { recursive: true });
writeFileSync(join(contentDir, 'world', 'trade-story', 'th.mdx'), '---\ntitle: การค้าเติบโต\n---\n\nการค้าแตะ 1.11 แสนล้านดอลลาร์ในปี 2562\n');
writeFileSync(
  join(contentDir, 'world', 'trade-story', 'en.mdx'),
  '---\ntitle: Trade grows\ntranslation:\n  machine: true\n---\n\nTrade reached $111 billion in 2020.\n',
);
afterAll(() => rmSync(contentDir, { recursive: true, force: true }));

// Each case starts Node and loads the MDX parser: seconds on a busy machine.
describe('check-renderings command', { timeout: 60_000 }, () => {
  it('prints the findings for two text files as JSON and nothing else', () => {
    const { code, stdout, stderr } = run(['--json', seedThai, seedEnglish]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const findings = JSON.parse(stdout) as {
      kind: string;
      english: { text: string; start: number; end: number };
      thai: { text: string } | null;
      expected: string;
      message: string;
    }[];
    expect(findings.map((finding) => `${finding.kind} ${finding.english.text} → ${finding.expected}`)).toEqual([
      'month July → February',
      'year 1962 → 2022',
      'money $2278 billion → 227.8 billion',
      'year 2026 → 2023',
      'money $2196 billion → 219.6 billion',
    ]);
  });

  it('fails with --strict when there are findings', () => {
    expect(run(['--strict', '--json', seedThai, seedEnglish]).code).toBe(1);
    writeFileSync(join(contentDir, 'thai.txt'), 'การค้าแตะ 1.11 แสนล้านดอลลาร์ในปี 2562\n');
    writeFileSync(join(contentDir, 'english.txt'), 'Trade reached $111 billion in 2019.\n');
    expect(run(['--strict', join(contentDir, 'thai.txt'), join(contentDir, 'english.txt')]).code).toBe(0);
  });

  it('says in one line which file is missing and exits with 2', () => {
    const { code, stdout, stderr } = run(['--json', seedThai, 'no-such-file.txt']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('no-such-file.txt');
  });

  it('rejects a single file argument with a usage line', () => {
    const { code, stderr } = run([seedThai]);
    expect(code).toBe(2);
    expect(stderr).toContain('give two files');
  });

  it('checks every story folder under NEWS_CONTENT_DIR and prints slug, paragraph, spans, expected and message', () => {
    const { code, stdout } = run([], { env: { NEWS_CONTENT_DIR: contentDir } });
    expect(code).toBe(0);
    expect(stdout).toContain('trade-story · b-1 (en.mdx line 7) · year');
    expect(stdout).toContain('Thai:     "2562" in “การค้าแตะ 1.11 แสนล้านดอลลาร์ในปี 2562”');
    expect(stdout).toContain('English:  "2020" in “Trade reached $111 billion in 2020.”');
    expect(stdout).toContain('expected: 2019');
    expect(stdout).toContain('fix:      write 2019');
    expect(stdout).toContain('Rendering check: 1 finding in 1 of 1 story');
    expect(run(['--strict'], { env: { NEWS_CONTENT_DIR: contentDir } }).code).toBe(1);
  });

  it('resolves a relative NEWS_CONTENT_DIR against the project root, wherever it runs', () => {
    const { code, stdout } = run([], { env: { NEWS_CONTENT_DIR: 'content/articles' }, cwd: tmpdir() });
    expect(code).toBe(0);
    // The project's own stories were found (the shipped sample's official renderings have a few real findings).
    expect(stdout).toMatch(/Rendering check: (no findings|\d+ findings?) in (\d+ of )?\d+ stories/);
  });

  it('names a missing content folder and what to do', () => {
    const { code, stderr } = run([], { env: { NEWS_CONTENT_DIR: join(contentDir, 'missing') } });
    expect(code).toBe(2);
    expect(stderr).toContain('NEWS_CONTENT_DIR');
  });
});

describe('checking a content folder', () => {
  it('finds nested story folders and tells which file is the original', async () => {
    const [story] = await checkContentDir(contentDir);
    expect(story).toMatchObject({ slug: 'trade-story', directory: join('world', 'trade-story'), original: 'th', aligned: true });
    expect(story!.findings.map((finding) => finding.english.text)).toEqual(['2020']);
  });

  it('checks, as the build does, the pairs the content loader recorded: reads back a pair checked before by the same code, and keeps only the pairs of this run', async () => {
    const articles = join(projectRoot, 'content/articles');
    const cacheDir = mkdtempSync(join(tmpdir(), 'rendering-check-cache-'));
    const described = (stories: StoryFindings[]) => stories.flatMap((s) => s.findings.map((f) => describeFinding(f, s.slug, s.english)));
    const fresh = await checkContentDir(articles);
    expect(described(fresh).length).toBeGreaterThan(0);
    let checked = 0;
    const pairs: RecordedPair[] = fresh.map(({ slug, directory }) => {
      const source = (lang: string) => readFileSync(join(articles, directory, `${lang}.mdx`), 'utf8');
      return {
        slug,
        directory,
        digests: { th: createHash('sha256').update(source('th')).digest('hex'), en: createHash('sha256').update(source('en')).digest('hex') },
        texts: () => {
          checked++;
          return { thai: readStoryText(source('th')), english: readStoryText(source('en')) };
        },
      };
    });
    expect(await checkRecordedPairs(pairs, { dir: cacheDir, code: 'a' })).toEqual(fresh);
    expect(checked).toBe(fresh.length);
    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(fresh.length);
    const again = await checkRecordedPairs(pairs, { dir: cacheDir, code: 'a' });
    expect(again).toEqual(fresh);
    expect(checked).toBe(fresh.length);
    // Read back, not checked again: with every record emptied of findings, none come back.
    for (const name of files) {
      const file = join(cacheDir, name);
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), findings: [] }));
    }
    expect(described(await checkRecordedPairs(pairs, { dir: cacheDir, code: 'a' }))).toEqual([]);
    // Other code checks every pair again, and the records of the old code go.
    expect(await checkRecordedPairs(pairs, { dir: cacheDir, code: 'b' })).toEqual(fresh);
    expect(checked).toBe(2 * fresh.length);
    expect(readdirSync(cacheDir).filter((name) => files.includes(name))).toEqual([]);
    expect(readdirSync(cacheDir)).toHaveLength(fresh.length);
    rmSync(cacheDir, { recursive: true, force: true });
  });
});
