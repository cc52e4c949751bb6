import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot } from './build-site.ts';

const LOCK = join(projectRoot, '.test-dist', 'builds.lock');

/** Waits for the builds lock (a folder: mkdir is atomic) and takes it. */
export async function takeBuildsLock(): Promise<void> {
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
}

export const releaseBuildsLock = (): Promise<void> => rm(LOCK, { recursive: true, force: true });

/**
 * Astro writes the same generated files under .astro/ in every build, so two builds must not run at
 * once: the corpus site's build (global-setup.ts, in the background) and the test files that run builds
 * of their own; the files that only read built sites run beside them. A test file that builds calls this
 * first: its tests wait for the lock, which it holds until its last test. global-setup.ts clears
 * .test-dist at each run.
 */
export function runBuildsAlone(): void {
  beforeAll(takeBuildsLock, 900_000);
  afterAll(releaseBuildsLock);
}
