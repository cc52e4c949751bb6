import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import config from 'virtual:news/config';
import { ContentError, ContentErrors } from '../lib/content-errors.ts';
import { parseListFile } from '../lib/list-file.ts';

/**
 * A list file beside the articles folder (content/<name>), read whole on every build: it is small.
 * A site without the file has an empty list.
 */
export function listFileLoader<S extends z.ZodType>(
  name: string,
  schema: S,
  example: string,
  idOf: (entry: z.output<S>) => string,
  /** Rules across entries: each problem found, as a sentence. */
  check: (entries: z.output<S>[]) => string[] = () => [],
): Loader {
  return {
    name: `list-file:${name}`,
    load: async (context) => {
      const path = join(dirname(config.contentDir), name);
      context.store.clear();
      if (!existsSync(path)) return;
      const file = relative(fileURLToPath(context.config.root), path).split(sep).join('/');
      const entries = parseListFile(await readFile(path, 'utf8'), file, schema, example);
      const problems = check(entries);
      if (problems.length > 0)
        throw new ContentErrors(problems.map((problem) => new ContentError({ file, problem, fix: `each entry looks like:\n${example}` })));
      for (const entry of entries) {
        const id = idOf(entry);
        context.store.set({ id, data: await context.parseData({ id, data: entry as Record<string, unknown> }) });
      }
    },
  };
}
