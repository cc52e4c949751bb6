import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// The same files as the site; no schema and no cross-file checks.
const base = process.env.BASELINE_CONTENT_DIR ?? '../../content/articles';

export const collections = {
  articles: defineCollection({
    loader: glob({ base: isAbsolute(base) ? pathToFileURL(`${base}/`) : base, pattern: '**/*.{md,mdx}' }),
  }),
};
