import { isAbsolute, resolve } from 'node:path';

/**
 * Where the stories are: content/articles, or the folder NEWS_CONTENT_DIR names (tests and
 * benchmarks build generated content without touching the site's own).
 */
export function articlesDir(root = process.cwd()): string {
  const dir = process.env['NEWS_CONTENT_DIR'] ?? 'content/articles';
  return isAbsolute(dir) ? dir : resolve(root, dir);
}
