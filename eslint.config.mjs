// npm run lint (part of npm test): typescript-eslint's type-aware rules over the API, its tests,
// the bench, the scripts and the explorer. Why a rule is off or tuned: docs/adr/0059.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['**/dist/', 'node_modules/', 'reports/', 'coverage/', 'tools/', 'var/', 'scratch/'] },
  // A disable comment for a rule that no longer fires is itself an error.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The first project that holds a file types it: the explorer has its own (DOM) settings.
        project: ['./tsconfig.json', './web/tsconfig.json', './web/tsconfig.test.json', './web/tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The point of the linter here: a promise nobody awaits or catches.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // An async method without await is how a port method turns a throw into a rejection.
      '@typescript-eslint/require-await': 'off',
      // `any` only enters from libraries (answers, records, Apollo's extensions), where the code
      // narrows it; strict tsc already forbids implicit any, and no-explicit-any stays on.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Style, not bugs: an assertion that changes nothing; `'A' | string` kept for editors' hints;
      // graphql's string enums compared with their literal values.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // As tsc's noUnused*: a leading underscore or a rest sibling marks a value left out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // These packages ship ESM-only type declarations over a CommonJS build: types from the one,
      // code from the other, by require().
      '@typescript-eslint/no-require-imports': [
        'error',
        { allow: ['^tinybench$', '^graphql-request$', '^@neo4j-cypher/language-support$'] },
      ],
      // Rethrowing what a catch caught is not throwing a non-error.
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingUnknown: true }],
      // A `let` read by a callback before it is assigned cannot be a `const`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // Counted as `wc -l` counts: blank lines and comments take room too.
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // Tests and the bench read untyped JSON answers and print figures; asserting on them is the check.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
