// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { notFoundPages } from './src/integrations/not-found-pages.ts';
import { ogCardReport } from './src/integrations/og-cards.ts';
import { renderingCheck } from './src/integrations/rendering-check.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { inSitemap, sitemapI18n } from './src/lib/seo/sitemap.ts';

// The public address of the site, for canonical and hreflang URLs. Production sets SITE_URL.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  // Tests and benchmarks build other content into other folders; the site itself uses the defaults.
  outDir: process.env.NEWS_OUT_DIR ?? './dist',
  cacheDir: process.env.NEWS_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // No smart punctuation: stories are published verbatim, quotes and dashes as the newsroom typed them.
  integrations: [
    mdx({ smartypants: false }),
    // Figures in renderings that the original does not support are reported as build warnings.
    renderingCheck(),
    searchIndex(),
    // Sitemap with hreflang alternates for every page that exists in both languages; see sitemap.ts.
    sitemap({ i18n: sitemapI18n, filter: inSitemap, namespaces: { news: false, image: false, video: false } }),
    notFoundPages(),
    ogCardReport(),
  ],
  vite: {
    plugins: [tailwindcss()],
    build: {
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
