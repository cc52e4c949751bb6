import { readFileSync, statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order test files start in, two at a time. Builds run one at a time (builds-alone.ts), and the
 * corpus site builds first, in the background (global-setup.ts): so the two largest files that only
 * read the seed and fixture sites go first, beside that build. Then the files that run builds of
 * their own alternate with the files that read built sites (the seed and fixture readers, then the
 * corpus readers): while one worker's file builds, the other's reads, and the chain of builds never
 * waits. The unit tests, short, fill the end. Within each group the larger file first, as Vitest does
 * without timings. A file's group is read from its text: what it calls says what it needs.
 */
export class CorpusAwareSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const bySize = [...files].sort((a, b) => statSync(b.moduleId).size - statSync(a.moduleId).size);
    const group = (spec: TestSpecification) => {
      const text = readFileSync(spec.moduleId, 'utf8');
      if (text.includes('runBuildsAlone()')) return 'builder';
      if (text.includes('waitForCorpusSite')) return 'corpus reader';
      return spec.project.name === 'unit' ? 'unit' : 'site reader';
    };
    const of = (name: string) => bySize.filter((spec) => group(spec) === name);
    const [first, readers] = [of('site reader').slice(0, 2), [...of('site reader').slice(2), ...of('corpus reader')]];
    const builders = of('builder');
    const alternating = Array.from({ length: Math.max(readers.length, builders.length) }, (_, i) => [builders[i], readers[i]]).flat();
    return [...first, ...alternating.filter((spec): spec is TestSpecification => spec !== undefined), ...of('unit')];
  }
}
