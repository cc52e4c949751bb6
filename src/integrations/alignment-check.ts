import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describeMisalignment, findMisalignment } from '../lib/alignment.ts';
import type { BlockKind } from '../lib/markdown/block-ids.ts';

const ARTICLE_PAGE = /^\/?(th|en)\/articles\/([^/]+)\/$/;

/** The kinds of the numbered blocks of a built article page, in order (see block-ids.ts). */
export function blockKinds(html: string): BlockKind[] {
  return [...html.matchAll(/data-kind="([a-z]+)"/g)].map((m) => m[1] as BlockKind);
}

/**
 * After the pages are written, compares the blocks of every translated story in both languages
 * and warns, naming the article and the first unmatched block, where they stop lining up.
 */
export function alignmentCheck(): AstroIntegration {
  return {
    name: 'news-alignment-check',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const outDir = fileURLToPath(dir);
        const bySlug = new Map<string, Map<string, BlockKind[]>>();
        for (const { pathname } of pages) {
          const match = ARTICLE_PAGE.exec(pathname);
          if (!match) continue;
          const [, lang, slug] = match as unknown as [string, string, string];
          const html = await readFile(join(outDir, pathname, 'index.html'), 'utf8');
          const versions = bySlug.get(slug) ?? new Map<string, BlockKind[]>();
          versions.set(lang, blockKinds(html));
          bySlug.set(slug, versions);
        }
        let translated = 0;
        let misaligned = 0;
        for (const [slug, versions] of bySlug) {
          const th = versions.get('th');
          const en = versions.get('en');
          if (!th || !en) continue;
          translated++;
          const problem = findMisalignment(th, en);
          if (problem) {
            misaligned++;
            logger.warn(describeMisalignment(slug, `${slug}/th.mdx`, `${slug}/en.mdx`, problem));
          }
        }
        logger.info(`alignment: ${translated - misaligned} of ${translated} translated stories line up block by block`);
      },
    },
  };
}
