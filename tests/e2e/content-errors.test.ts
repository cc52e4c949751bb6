import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot, writeContent } from '../support/build-site.ts';
import { publishSite } from '../support/run-script.ts';
import { runBuildsAlone } from '../support/builds-alone.ts';

runBuildsAlone();

const valid = (extra = '') => `---
title: ข่าวทดสอบ
summary: สรุปข่าว
published: 2025-03-05T10:00:00+07:00
section: world
byline: โต๊ะข่าว
${extra}---

เนื้อหา
`;

describe('the rendering check during the build', () => {
  it('warns about the figures of a machine rendering and still publishes', async () => {
    const root = join(projectRoot, '.test-dist', 'rendering-warnings');
    const [thaiTitle, ...thaiBody] = readFileSync(join(projectRoot, 'tests/fixtures/seed-2-thai.txt'), 'utf8').split('\n');
    const [englishTitle, ...englishBody] = readFileSync(join(projectRoot, 'tests/fixtures/seed-2-machine-en.txt'), 'utf8').split('\n');
    const contentDir = await writeContent(root, {
      'machine/th.mdx': valid().replace('title: ข่าวทดสอบ', `title: ${thaiTitle}`).replace('เนื้อหา', thaiBody.join('\n\n')),
      'machine/en.mdx': `---\ntitle: "${englishTitle!.replace(/"/g, '\\"')}"\nsummary: S\ntranslation:\n  translator: Machine\n  machine: true\n  reviewed: false\n---\n\n${englishBody.join('\n\n').replace(/[{}<>]/g, '')}\n`,
    });
    const { output } = await buildSite({ outDir: join(root, 'dist'), contentDir, cacheDir: join(root, 'cache') });
    expect(output).toMatch(/rendering check: [1-9]\d* findings in 1 of 1 translated stories/);
    expect(output).toContain('227.8 billion');
    expect(existsSync(join(root, 'dist', 'en', 'articles', 'machine', 'index.html'))).toBe(true);
  });
});

describe('npm run build is atomic', () => {
  it('publishes a good build and leaves it untouched when the next build fails', async () => {
    const root = join(projectRoot, '.test-dist', 'atomic');
    const outDir = join(root, 'dist');
    const contentDir = await writeContent(root, { 'good-story/th.mdx': valid() });
    const env = { NEWS_CONTENT_DIR: contentDir, NEWS_OUT_DIR: outDir, NEWS_CACHE_DIR: join(root, 'cache'), NO_COLOR: '1' };
    const first = await publishSite(env);
    expect(first.status, first.stderr).toBe(0);
    const published = readFileSync(join(outDir, 'th', 'articles', 'good-story', 'index.html'), 'utf8');
    expect(published).toContain('ข่าวทดสอบ');

    await writeFile(join(contentDir, 'good-story', 'th.mdx'), valid().replace('ข่าวทดสอบ', 'ข่าวแก้ไข').replace('section: world', 'section: nowhere'));
    const second = await publishSite(env);
    expect(second.status).not.toBe(0);
    expect(second.stderr).toContain(`The build failed; ${relative(projectRoot, outDir)} was left as it was.`);
    expect(readFileSync(join(outDir, 'th', 'articles', 'good-story', 'index.html'), 'utf8')).toBe(published);
    // Only the live version is left beside dist (the link to it); the failed build's folder is gone.
    expect(readdirSync(root).filter((name) => name.startsWith('dist.'))).toEqual([expect.stringMatching(/^dist\.v-/)]);
  });
});
