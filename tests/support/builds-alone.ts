import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot } from './build-site.ts';

const LOCK = join(projectRoot, '.test-dist', 'builds.lock');

/**
 * Astro writes the same generated files under .astro/ in every build, so two test files that run builds
 * of their own must not run at once; the files that only read the sites built in global-setup.ts run
 * beside them. A test file that builds calls this first: its tests wait for the lock (a folder, as
 * mkdir is atomic), which it holds until its last test. global-setup.ts clears .test-dist at each run.
 */
export function runBuildsAlone(): void {
  beforeAll(async () => {
    await mkdir(join(projectRoot, '.test-dist'), { recursive: true });
    for (;;) {
      try {
        await mkdir(LOCK);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 900_000);
  afterAll(async () => {
    await rm(LOCK, { recursive: true, force: true });
  });
}
