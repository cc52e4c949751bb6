import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, projectRoot } from '../support/build-site.ts';
import { writeFixtureContent } from '../support/fixture-content.ts';
import { serveStatic } from '../support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site built from content/articles (the two seeds), served on localhost. */
    seedUrl: string;
    seedDir: string;
    /** The site built from the fixture content (untranslated stories, English originals, pagination). */
    fixtureUrl: string;
    fixtureDir: string;
  }
}

export const testRoot = join(projectRoot, '.test-dist');

export default async function setup(project: TestProject) {
  const seedDir = join(testRoot, 'seed-site');
  const fixtureDir = join(testRoot, 'fixture-site');
  const fixtureContent = join(testRoot, 'fixture-content');
  await rm(testRoot, { recursive: true, force: true });
  await writeFixtureContent(fixtureContent);
  await buildSite({ outDir: seedDir, cacheDir: join(testRoot, 'cache-seed') });
  await buildSite({ outDir: fixtureDir, contentDir: fixtureContent, cacheDir: join(testRoot, 'cache-fixture') });
  const seed = await serveStatic(seedDir);
  const fixtureServer = await serveStatic(fixtureDir);
  project.provide('seedUrl', seed.url);
  project.provide('seedDir', seedDir);
  project.provide('fixtureUrl', fixtureServer.url);
  project.provide('fixtureDir', fixtureDir);
  return async () => {
    await seed.close();
    await fixtureServer.close();
  };
}
