import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, projectRoot } from '../support/build-site.ts';
import { writeFixtureContent } from '../support/fixture-content.ts';
import { corpusBuildOutcome, corpusSample, haveCorpus, noCorpusMessage } from '../support/corpus.ts';
import { runScript } from '../support/run-script.ts';
import { serveStatic } from '../../scripts/support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site built from content/articles (the two seeds), served on localhost. */
    seedUrl: string;
    seedDir: string;
    /** The site built from the fixture content (untranslated stories, English originals, pagination). */
    fixtureUrl: string;
    fixtureDir: string;
    /** The site built from a sample of the thaigov corpus (corpusSample) through the importer; empty strings when ../shared is absent. */
    corpusUrl: string;
    corpusDir: string;
    corpusContentDir: string;
    /** What the importer printed for the corpus. */
    corpusImportOutput: string;
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
  // The fixture's stories span 2023–2025: three search bundles by year (see bundles.ts), as a large site has many.
  await buildSite({ outDir: fixtureDir, contentDir: fixtureContent, cacheDir: join(testRoot, 'cache-fixture') });
  const seed = await serveStatic(seedDir);
  const fixtureServer = await serveStatic(fixtureDir);
  const corpus = haveCorpus ? await startCorpusSite() : null;
  if (!corpus) console.warn(`[e2e] ${noCorpusMessage}`);
  project.provide('seedUrl', seed.url);
  project.provide('seedDir', seedDir);
  project.provide('fixtureUrl', fixtureServer.url);
  project.provide('fixtureDir', fixtureDir);
  project.provide('corpusUrl', corpus?.server.url ?? '');
  project.provide('corpusDir', corpus?.siteDir ?? '');
  project.provide('corpusContentDir', corpus?.contentDir ?? '');
  project.provide('corpusImportOutput', corpus?.importOutput ?? '');
  return async () => {
    await corpus?.built;
    await seed.close();
    await fixtureServer.close();
    await corpus?.server.close();
  };
}

/**
 * Imports the corpus sample (corpusSample) with the real importer, then builds it with the real build in
 * the background: the tests of the seed and fixture sites run meanwhile, and those of the corpus site
 * wait for it (waitForCorpusSite). The build holds the builds lock (builds-alone.ts), as every build does.
 */
async function startCorpusSite() {
  const contentRoot = join(testRoot, 'corpus-content');
  const siteDir = join(testRoot, 'corpus-site');
  const result = runScript('import', ['--out', contentRoot, ...corpusSample()]);
  if (!/^\d+ files: \d+ imported/m.test(result.stdout)) throw new Error(`corpus import failed:\n${result.stdout.slice(-2000)}\n${result.stderr}`);
  const contentDir = join(contentRoot, 'articles');
  // One social card per story is tested on the seed and fixture sites; a card per corpus story would only cost minutes.
  const built = buildSite({ outDir: siteDir, contentDir, cacheDir: join(testRoot, 'cache-corpus'), env: { NEWS_SOCIAL_CARDS: 'off' } })
    .then(
      () => ({ ok: true, message: '' }),
      (error: Error) => ({ ok: false, message: error.message }),
    )
    .then((outcome) => writeFile(corpusBuildOutcome, JSON.stringify(outcome)));
  return { server: await serveStatic(siteDir), siteDir, contentDir: contentRoot, importOutput: result.stdout, built };
}
