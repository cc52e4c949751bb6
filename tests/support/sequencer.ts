import { readFileSync, statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order test files start in. The corpus site builds in the background at first (global-setup.ts,
 * holding the builds lock), so the files that only read the seed and fixture sites, and the unit
 * tests, go first. Then the files that run builds of their own, which take the lock one after the
 * other, alternate with the files that read the corpus site: while one worker builds, the other
 * reads. Within each group the larger file first, as Vitest does without timings. A file's group is
 * read from its text: what it calls says what it needs.
 */
export class CorpusAwareSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const groups: TestSpecification[][] = [[], [], []];
    const bySize = [...files].sort((a, b) => statSync(b.moduleId).size - statSync(a.moduleId).size);
    for (const spec of bySize) {
      const text = readFileSync(spec.moduleId, 'utf8');
      groups[text.includes('runBuildsAlone()') ? 2 : text.includes('waitForCorpusSite') ? 1 : 0]!.push(spec);
    }
    const [first, readers, builders] = groups as [TestSpecification[], TestSpecification[], TestSpecification[]];
    const alternating = Array.from({ length: Math.max(readers.length, builders.length) }, (_, i) => [builders[i], readers[i]]).flat();
    return [...first, ...alternating.filter((spec): spec is TestSpecification => spec !== undefined)];
  }
}
