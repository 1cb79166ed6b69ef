// ESLint: typescript-eslint's strict type-checked rules, Next's core-web-vitals (React, hooks, a11y, import), Prettier last.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import prettier from 'eslint-config-prettier/flat';
import tseslint from 'typescript-eslint';

// The layers: db/ is the bottom, lib/ sits on it, components/ on lib/, app/ on top. An import that points up a layer is an error.
// Each pattern matches the `@/` alias and any relative path (`../lib/…`, `../../app/…`); none of db/, lib/ or components/ has a
// folder of its own named lib, app or components, so a relative path ending in one of those names can only mean the top-level folder.
const fromTopLevel = (folder) => `^(?:@/|(?:\\.\\./)+)${folder}(?:/|$)`;
const layer = (message, patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((pattern) => ({ ...pattern, message })) }],
});

export default defineConfig([
  globalIgnores([
    '.next/**',
    '.next*/**',
    '.data/**',
    'db/migrations/**',
    'bench/tmp/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
  ...nextVitals,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // tsconfig.json covers *.ts and *.tsx; vitest.config.mts is the one TypeScript file outside it, so it gets the same options.
        projectService: { allowDefaultProject: ['vitest.config.mts'], defaultProject: 'tsconfig.json' },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A number in a template literal prints as written; strict's default forbids it only to catch NaN, which zod's parsing already rules out.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // A Playwright test asks for a fixture by naming it in its parameter; one wanted only for what it does (`owner` signs in)
      // is renamed to an `_`-prefixed name, which says it is unused on purpose. `const { secret, ...rest } = o` is how a key is left out.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Playwright's fixtures hand their value on with a callback named `use`, and the checkout tests share a database through
    // `useCheckoutDatabase()`: neither is a React hook, and no React renders in these files (component tests are *.test.tsx).
    files: ['e2e/**/*.ts', '**/*.test.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['db/**/*.{ts,tsx}'],
    rules: layer(
      'db/ is the bottom layer: it may not import lib/, app/ or components/ (type-only imports from lib/validation are allowed).',
      [
        // JSON columns are typed with the API's zod schemas, so `import type` from lib/validation is allowed and nothing else.
        { regex: `${fromTopLevel('lib')}(?!validation(?:/|$))` },
        { regex: fromTopLevel('lib/validation'), allowTypeImports: true },
        { regex: fromTopLevel('(?:app|components)') },
      ],
    ),
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: layer('lib/ may not import app/ or components/: move the shared code down into lib/.', [
      { regex: fromTopLevel('(?:app|components)') },
    ]),
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: layer(
      'components/ may not import db/, nor app/ except its server actions (app/**/actions.ts, app/**/*-actions.ts): reach data through lib/.',
      [{ regex: `${fromTopLevel('app')}(?!(?:.*[/-])?actions(?:\\.ts)?$)` }, { regex: fromTopLevel('db') }],
    ),
  },
  { files: ['**/*.{js,mjs,cjs}'], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
]);
