import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'i18n/**/*.test.ts'],
          environment: 'node',
          // Two files at once: each has its own database, and most of their time is the database's.
          maxWorkers: 2,
          // Projects with their own maxWorkers run one after another, in this order.
          sequence: { groupOrder: 0 },
          // Bounds, not speed checks: migrating a fresh database on two busy cores can take a while.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'api',
          include: ['e2e/api/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/api/global-setup.ts'],
          setupFiles: ['e2e/api/setup-env.ts'],
          // Three files at once: each works as merchants of its own, and mostly waits on the server.
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        // The automatic runtime, as the tsconfig's react-jsx (esbuild reads that too; stated so it does not depend on it).
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'components',
          include: ['components/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['components/testing/setup.ts'],
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
