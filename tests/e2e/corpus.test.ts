import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CORPUS_WAIT_MS, corpusSample, haveCorpus, noCorpusMessage, waitForCorpusSite } from '../support/corpus.ts';

const siteDir = inject('corpusDir');
const contentRoot = inject('corpusContentDir');
const output = inject('corpusImportOutput');

const files = corpusSample().length;

describe.skipIf(!haveCorpus)(`the thaigov corpus sample imported and built (${haveCorpus ? `${files} files` : noCorpusMessage})`, () => {
  beforeAll(waitForCorpusSite, CORPUS_WAIT_MS);

  it('imports every story that has a body and explains each one it cannot', () => {
    const summary = new RegExp(
      String.raw`^${files} files: (\d+) imported \((\d+) new, (\d+) updated, (\d+) unchanged\), (\d+) failed, (\d+) slug collisions resolved`,
      'm',
    ).exec(output);
    expect(summary, output.slice(-500)).not.toBeNull();
    const [, imported, , , , failed] = summary!.map(Number);
    expect(imported! + failed!).toBe(files);
    expect(failed).toBeLessThanOrEqual(5);
    const failures = output.split('\n').filter((l) => l.startsWith('FAILED'));
    expect(failures).toHaveLength(failed!);
    for (const line of failures)
      expect(line).toMatch(
        /^FAILED {2}\S+\/th\/\d{4}\.txt: the story has a title but no body paragraphs\. Fix: check that the file is a story in the seed layout/,
      );
  });

  it('maps every input file to pages that exist in the built site', () => {
    const map = JSON.parse(readFileSync(join(contentRoot, 'import-map.json'), 'utf8')) as Record<string, string[]>;
    expect(Object.keys(map)).toHaveLength(files);
    const missing: string[] = [];
    let pages = 0;
    for (const [file, paths] of Object.entries(map)) {
      for (const path of paths) {
        pages++;
        if (!existsSync(join(siteDir, path, 'index.html'))) missing.push(`${file} → ${path}`);
      }
    }
    expect(missing).toEqual([]);
    expect(pages).toBeGreaterThan(files - 50);
  });
});
