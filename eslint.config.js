// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Recommended rules of ESLint, typescript-eslint and the Astro plugin; formatting is Prettier's. */
export default tseslint.config(
  { ignores: ['dist/', 'dist.*/', '**/.astro/', '.test-dist/', 'bench/results/', 'bench/scratch/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // The project's own rule: no `any`, anywhere.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Stripping terminal colours and refusing control characters are what those expressions are for.
      'no-control-regex': 'off',
    },
  },
);
