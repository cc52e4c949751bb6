import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../support/build-site.ts';

/** Builds a throwaway content folder and returns what `astro build` printed when it failed. */
async function failedBuildOutput(name: string, files: Record<string, string>): Promise<string> {
  const root = join(projectRoot, '.test-dist', 'broken', name);
  const contentDir = join(root, 'content');
  const outDir = join(root, 'dist');
  await rm(root, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(contentDir, path, '..'), { recursive: true });
    await writeFile(join(contentDir, path), text);
  }
  const error = await buildSite({ outDir, contentDir, cacheDir: join(root, 'cache') }).then(
    () => null,
    (e: Error) => e,
  );
  expect(error, 'the build should have failed').not.toBeNull();
  // Nothing half-written is published.
  expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  return error!.message;
}

const valid = (extra = '') => `---
title: ข่าวทดสอบ
summary: สรุปข่าว
published: 2025-03-05T10:00:00+07:00
section: world
byline: โต๊ะข่าว
${extra}---

เนื้อหา
`;

describe('broken content fails the build with the file, the field and the fix', () => {
  it('invalid frontmatter', async () => {
    const output = await failedBuildOutput('schema', {
      'bad-story/th.mdx': valid().replace('title: ข่าวทดสอบ', 'title: ""').replace('section: world', 'section: wrld'),
    });
    expect(output).toContain('bad-story/th');
    expect(output).toContain('title: must not be empty');
    expect(output).toContain('section: must be one of: world, politics');
  });

  it('a rendering fields only the original may hold', async () => {
    const output = await failedBuildOutput('rendering-fields', {
      'story/th.mdx': valid(),
      'story/en.mdx': `---\ntitle: Test\nsummary: S\nsection: world\ntranslation:\n  translator: Desk\n  machine: false\n  reviewed: true\n---\n\nBody\n`,
    });
    expect(output).toContain('story/en');
    expect(output).toContain('section: belongs in the original, not in a rendering');
  });

  it('a date without time zone', async () => {
    const output = await failedBuildOutput('bare-date', { 'story/th.mdx': valid().replace('2025-03-05T10:00:00+07:00', '2025-03-05') });
    expect(output).toContain('story/th.mdx: field "published": "2025-03-05" is not a date and time with a UTC offset. Fix: write it as 2025-03-05T10:00:00+07:00');
  });

  it('an English rendering without its Thai source, a duplicate slug and a file named for no language, all at once', async () => {
    const output = await failedBuildOutput('cross-file', {
      'orphan/en.mdx': `---\ntitle: Test\nsummary: S\ntranslation:\n  translator: Desk\n  machine: false\n  reviewed: true\n---\n\nBody\n`,
      '2024/same-slug/th.mdx': valid(),
      '2025/same-slug/th.mdx': valid(),
      'french/fr.mdx': valid(),
    });
    expect(output).toContain('3 content problems found');
    expect(output).toMatch(/orphan\/en\.mdx: field "translation": this rendering has no original/);
    expect(output).toMatch(/2025\/same-slug\/th\.mdx: the slug "same-slug" is already used by .*2024\/same-slug\/th\.mdx/);
    expect(output).toMatch(/french\/fr\.mdx: the file name "fr" is not a language of the site\. Fix: name the file th\.mdx or en\.mdx/);
  });
});

describe('the rendering check during the build', () => {
  it('warns about the figures of a machine rendering and still publishes', async () => {
    const root = join(projectRoot, '.test-dist', 'rendering-warnings');
    const contentDir = join(root, 'content');
    await rm(root, { recursive: true, force: true });
    await mkdir(join(contentDir, 'machine'), { recursive: true });
    const [thaiTitle, ...thaiBody] = readFileSync(join(projectRoot, 'tests/fixtures/seed-2-thai.txt'), 'utf8').split('\n');
    const [englishTitle, ...englishBody] = readFileSync(join(projectRoot, 'tests/fixtures/seed-2-machine-en.txt'), 'utf8').split('\n');
    await writeFile(join(contentDir, 'machine', 'th.mdx'), valid().replace('title: ข่าวทดสอบ', `title: ${thaiTitle}`).replace('เนื้อหา', thaiBody.join('\n\n')));
    await writeFile(
      join(contentDir, 'machine', 'en.mdx'),
      `---\ntitle: "${englishTitle!.replace(/"/g, '\\"')}"\nsummary: S\ntranslation:\n  translator: Machine\n  machine: true\n  reviewed: false\n---\n\n${englishBody.join('\n\n').replace(/[{}<>]/g, '')}\n`,
    );
    const { output } = await buildSite({ outDir: join(root, 'dist'), contentDir, cacheDir: join(root, 'cache') });
    expect(output).toMatch(/rendering check: [1-9]\d* findings in 1 of 1 translated stories/);
    expect(output).toContain('227.8 billion');
    expect(existsSync(join(root, 'dist', 'en', 'articles', 'machine', 'index.html'))).toBe(true);
  });
});
