// @ts-check
/**
 * The baseline of `npm run bench` (bench/scale.ts): a bare Astro site over the same Markdown as the
 * news site, one page per language version and nothing else (no layout, no listings, no CSS), plus
 * Pagefind with its defaults over the written pages, run the way Starlight runs it (Node API, in the
 * build:done hook). The benchmark points it at generated content with BASELINE_* variables.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import * as pagefind from 'pagefind';

/** @returns {import('astro').AstroIntegration} */
function pagefindDefaults() {
  return {
    name: 'pagefind-defaults',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const start = performance.now();
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex();
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(added.errors.join('; '));
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length > 0) throw new Error(written.errors.join('; '));
        await pagefind.close();
        logger.info(`indexed ${added.page_count} pages in ${((performance.now() - start) / 1000).toFixed(1)}s`);
      },
    },
  };
}

export default defineConfig({
  outDir: process.env.BASELINE_OUT_DIR ?? './dist',
  cacheDir: process.env.BASELINE_CACHE_DIR ?? './node_modules/.astro',
  // The same Markdown processing as the site (astro.config.mjs): no smart punctuation.
  integrations: [mdx({ smartypants: false }), pagefindDefaults()],
  vite: {
    build: {
      rolldownOptions: {
        // As in the site's config: one warning per MDX module would flood the log (and cost time to print).
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
