import { defineConfig } from 'vitest/config';
import { CorpusAwareSequencer } from './tests/support/sequencer.ts';

export default defineConfig({
  test: {
    // Vitest's default on two cores is one file at a time; most e2e time is spent waiting for a
    // browser or a build, so two files side by side use the machine better. Files that run builds of
    // their own never run together (tests/support/builds-alone.ts).
    maxWorkers: 2,
    // Which files go first while the corpus site builds in the background (tests/support/sequencer.ts).
    sequence: { sequencer: CorpusAwareSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Some unit tests start processes (the publish kill tests, the command-line tools); beside an
          // e2e file on two cores they can take longer than Vitest's default 5 s.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Builds the seed site and a fixture site once, serves both, and shares their addresses.
          globalSetup: ['tests/e2e/global-setup.ts'],
          // A test that runs a build of its own takes a few seconds on a quiet machine, and minutes on
          // two cores shared with other builds.
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
