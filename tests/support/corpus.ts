import { existsSync, readdirSync } from 'node:fs';
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

/** Every corpus text file, Thai then English. */
export function corpusFiles(): string[] {
  if (!haveCorpus) return [];
  return ['th', 'en'].flatMap((lang) =>
    readdirSync(join(corpusDir, lang))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(corpusDir, lang, f)),
  );
}
