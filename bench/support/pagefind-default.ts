import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export const DEFAULT_BUNDLE = 'pagefind-default';

/**
 * Plain Pagefind over a built site, all defaults: it reads every HTML page's [data-pagefind-body]
 * (or whole body), splits Thai itself, and writes one index per page language.
 */
export async function writeDefaultPagefind(siteDir: string): Promise<{ ms: number; pages: number }> {
  const start = performance.now();
  await rm(join(siteDir, DEFAULT_BUNDLE), { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: siteDir });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(siteDir, DEFAULT_BUNDLE) });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
  await pagefind.close();
  return { ms: performance.now() - start, pages: added.page_count };
}
