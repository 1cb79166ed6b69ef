// ESLint: typescript-eslint's strict type-checked rules, Next's core-web-vitals (React, hooks, a11y, import), Prettier last.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import prettier from 'eslint-config-prettier/flat';
import tseslint from 'typescript-eslint';

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
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A number in a template literal prints as written; strict's default forbids it only to catch NaN, which zod's parsing already rules out.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
]);
