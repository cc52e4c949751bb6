import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll } from 'vitest';

// Not imported from build-site.ts, which imports this module.
const testRoot = resolve(import.meta.dirname, '../../.test-dist');
const LOCK = join(testRoot, 'builds.lock');

/**
 * Astro writes the same generated files under .astro/ in every build, so two builds must not run at
 * once: the corpus site's build (global-setup.ts, in the background) and the builds the test files
 * run. Each build holds this lock (a folder: mkdir is atomic) while it runs, and only then: what a
 * test file does around its builds (a browser reading the site, comparing files) runs beside the
 * next file's build. global-setup.ts clears .test-dist at each run.
 */
export async function withBuildsLock<T>(run: () => Promise<T>): Promise<T> {
  await mkdir(testRoot, { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    return await run();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/**
 * Called at the top of a test file that runs builds. The corpus site's build holds the lock for
 * minutes at the start of a run: the file waits for it once, before its tests, so that the tests'
 * own timeouts count their own builds only.
 */
export function runBuildsAlone(): void {
  beforeAll(() => withBuildsLock(async () => {}), 900_000);
}
