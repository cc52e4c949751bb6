import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './build-site.ts';

/** A top-level scalar of an article's frontmatter, read straight from the file the site was built from. */
export function frontmatterValue(slug: string, lang: 'th' | 'en', field: string, contentDir = join(projectRoot, 'content/articles')): string {
  const text = readFileSync(join(contentDir, slug, `${lang}.mdx`), 'utf8');
  const match = new RegExp(`^${field}: (.*)$`, 'm').exec(text);
  if (!match?.[1]) throw new Error(`${slug}/${lang}.mdx has no ${field}`);
  return match[1].replace(/^"(.*)"$/, '$1');
}

export const seedSlugs = ['putin-praises-russia-myanmar-ties', 'putin-visits-china-75-years-ties'] as const;
