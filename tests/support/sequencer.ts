import { readFileSync, statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order test files start in. The corpus site builds in the background at first (global-setup.ts,
 * holding the builds lock), so the files that only read the seed and fixture sites, and the unit
 * tests, go first; then the files that read the corpus site (they wait for it); last the files that
 * run builds of their own (they wait for the lock). Within each group the larger file first, as
 * Vitest does without timings. A file's group is read from its text: what it calls says what it needs.
 */
export class CorpusAwareSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const group = (spec: TestSpecification): number => {
      const text = readFileSync(spec.moduleId, 'utf8');
      return text.includes('runBuildsAlone()') ? 2 : text.includes('waitForCorpusSite') ? 1 : 0;
    };
    const keyed = files.map((spec) => ({ spec, group: group(spec), size: statSync(spec.moduleId).size }));
    return keyed.sort((a, b) => a.group - b.group || b.size - a.size).map((k) => k.spec);
  }
}
