// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { rehypeBlockIds } from './src/lib/markdown/block-ids.ts';
import { rehypeSafeLinks } from './src/lib/markdown/safe-links.ts';
import { notFoundPages } from './src/integrations/not-found-pages.ts';
import { ogCardReport } from './src/integrations/og-cards.ts';
import { configFromEnvironment } from './src/config.ts';
import { newsConfig } from './src/integrations/news-config.ts';
import { incrementalPublish } from './src/integrations/incremental-publish.ts';

// Every setting, read from the environment once (src/config.ts): production sets SITE_URL; tests and
// benchmarks build other content into other folders.
const config = configFromEnvironment(process.env, fileURLToPath(new URL('.', import.meta.url)));
// Builds only the pages whose props changed since the live site (src/integrations/incremental-publish.ts).
const publishing = incrementalPublish(config);

export default defineConfig({
  site: config.site,
  outDir: config.outDir,
  cacheDir: config.cacheDir,
  trailingSlash: 'always',
  // Stylesheets stay files: an inline <style> would need a hash in the CSP (src/lib/seo/csp.ts).
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // Story bodies are turned into HTML by the content loader (src/lib/markdown/story-body.ts) with
    // these same two plugins; this pipeline serves any other Markdown or MDX page. It numbers each
    // block so the two languages share ids (block-ids.ts), after only safe links are kept (safe-links.ts). No
    // syntax highlighting (news has no code; Shiki's inline styles would break the CSP). No smart punctuation: stories are published verbatim,
    // quotes and dashes as the newsroom typed them.
    processor: unified({ rehypePlugins: [rehypeSafeLinks, rehypeBlockIds], smartypants: false }),
    // Highlighting is a top-level setting (the processor takes no such option); Astro's CSP warning reads it too.
    syntaxHighlight: false,
  },
  integrations: [
    // MDX pages. Articles are MDX files too, but prose only: the loader renders them once, not as modules.
    newsConfig(config),
    mdx(),
    notFoundPages(),
    // After the pages are written: keeps the previous site's unchanged pages; last, the search index is
    // written (keeping the live site's bundles whose stories did not change) with the manifest of page
    // digests, or left to scripts/build.ts (src/integrations/incremental-publish.ts).
    publishing.start,
    ogCardReport(),
    publishing.finish,
  ],
  vite: {
    plugins: [tailwindcss()],
    build: {
      // Small component scripts would be inlined into every page, each with its hash in the CSP:
      // as files they are fetched once, cached, and keep the HTML of each page small.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rolldownOptions: {
        // MDX modules carry Astro's "use astro:head-inject" directive; the bundler warns once per
        // article that it may not keep it, which Astro handles itself. Thousands of such lines would
        // hide the warnings that matter.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
