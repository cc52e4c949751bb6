import type { AstroIntegration } from 'astro';
import { checkContentDir, describeFinding, type CheckCache } from '../lib/rendering-check/content.ts';

/** How many findings the build log spells out; `npm run check:renderings` lists them all. */
const SHOWN = 20;

/**
 * Runs the rendering check on every translated story at the start of a build and reports what it
 * finds as warnings: a wrong figure in a rendering should be seen, but must not stop publishing.
 */
export function renderingCheck(options: { contentDir: string; cache: { dir: string; code: () => Promise<string> } }): AstroIntegration {
  return {
    name: 'news-rendering-check',
    hooks: {
      'astro:build:start': async ({ logger }) => {
        const cache: CheckCache = { dir: options.cache.dir, code: await options.cache.code() };
        const stories = await checkContentDir(options.contentDir, cache);
        const findings = stories.flatMap((s) => s.findings.map((f) => describeFinding(f, s.slug, s.english)));
        if (findings.length === 0) {
          logger.info(`rendering check: no findings in ${stories.length} translated stories`);
          return;
        }
        for (const text of findings.slice(0, SHOWN)) logger.warn(text);
        logger.warn(
          `rendering check: ${findings.length} findings in ${stories.filter((s) => s.findings.length > 0).length} of ${stories.length} translated stories` +
            (findings.length > SHOWN ? ` (first ${SHOWN} shown)` : '') +
            "; npm run report:renderings writes the editor's report, both paragraphs side by side with links to the page and the line to edit (reports/renderings.html)",
        );
      },
    },
  };
}
