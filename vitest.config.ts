import { defineConfig } from 'vitest/config';

// The e2e files that run builds of their own (content errors, the importer, publishing, search bundles, the stylesheet):
// Astro writes the same generated files under .astro/ in every build, so these never run side by side.
const buildingFiles = [
  'tests/e2e/broken-content.test.ts',
  'tests/e2e/content-errors.test.ts',
  'tests/e2e/importer.test.ts',
  'tests/e2e/incremental-publish.test.ts',
  'tests/e2e/publishing.test.ts',
  'tests/e2e/search-bundles.test.ts',
  'tests/e2e/stylesheet.test.ts',
];

const e2eTimeouts = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    // Vitest's default on two cores is one file at a time; most e2e time is spent waiting for a
    // browser or a build, so two files side by side use the machine better.
    maxWorkers: 2,
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
          exclude: buildingFiles,
          environment: 'node',
          // Builds the seed site and a fixture site once, serves both, and shares their addresses.
          globalSetup: ['tests/e2e/global-setup.ts'],
          ...e2eTimeouts,
        },
      },
      {
        test: {
          name: 'e2e-builds',
          include: buildingFiles,
          environment: 'node',
          ...e2eTimeouts,
          fileParallelism: false,
        },
      },
    ],
  },
});
