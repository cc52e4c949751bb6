import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './build-site.ts';

/** The thaigov corpus lives beside the project in ../shared and is never copied into it. */
export const corpusDir = join(projectRoot, '../shared/corpus/thaigov');
/** NEWS_TEST_CORPUS=skip leaves the corpus out of a quick local run of the e2e tests (CI never sets it). */
const skipped = process.env['NEWS_TEST_CORPUS'] === 'skip';
export const haveCorpus = !skipped && existsSync(join(corpusDir, 'th')) && existsSync(join(corpusDir, 'en'));
export const noCorpusMessage = skipped
  ? 'NEWS_TEST_CORPUS=skip is set; corpus-scale tests are skipped'
  : `the thaigov corpus is not at ${corpusDir}; corpus-scale tests are skipped`;

/** Every corpus text file, Thai then English (the benchmarks import them all). */
export function corpusFiles(): string[] {
  if (!haveCorpus) return [];
  return ['th', 'en'].flatMap((lang) =>
    readdirSync(join(corpusDir, lang))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(corpusDir, lang, f)),
  );
}

/**
 * What npm test imports and builds: every other Thai item (over the corpus's whole span of dates, so
 * the same years and search bundles) and every English one. Half the Thai stories halve the build that
 * every corpus test waits for, on two cores shared with the other tests; the benchmarks use them all.
 */
export function corpusSample(): string[] {
  let thai = 0;
  return corpusFiles().filter((file) => !file.includes(`${join(corpusDir, 'th')}/`) || thai++ % 2 === 0);
}

/** Where global-setup.ts says how the corpus site's build, run in the background, ended. */
export const corpusBuildOutcome = join(projectRoot, '.test-dist', 'corpus-build.json');

/**
 * Waits until the corpus site is built (global-setup.ts builds it while the tests of the seed and
 * fixture sites run); throws the build's own message when it failed.
 */
export async function waitForCorpusSite(): Promise<void> {
  while (!existsSync(corpusBuildOutcome)) await new Promise((resolve) => setTimeout(resolve, 500));
  const outcome = JSON.parse(readFileSync(corpusBuildOutcome, 'utf8')) as { ok: boolean; message: string };
  if (!outcome.ok) throw new Error(`The corpus site did not build:\n${outcome.message}`);
}

/** How long a test file may wait for the corpus site: its build shares two cores with other tests. */
export const CORPUS_WAIT_MS = 900_000;
