import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './build-site.ts';

/** The thaigov corpus lives beside the project in ../shared and is never copied into it. */
export const corpusDir = join(projectRoot, '../shared/corpus/thaigov');
export const haveCorpus = existsSync(join(corpusDir, 'th')) && existsSync(join(corpusDir, 'en'));
export const noCorpusMessage = `the thaigov corpus is not at ${corpusDir}; corpus-scale tests are skipped`;

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
