// Browser suite: the hosted checkout driven through Chromium. `npm test` passes CAISSE_TEST_URL; alone, the global setup starts a server.
import { defineConfig, type ReporterDescription } from '@playwright/test';
import { chromiumPath as chromium } from './e2e/support/chromium-path';

const jsonReport = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME;
const reporter: ReporterDescription[] = [['list'], ...(jsonReport ? [['json', { outputFile: jsonReport }] as ReporterDescription] : [])];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 2,
  retries: 0,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter,
  globalSetup: './e2e/support/playwright-global-setup.ts',
  // Bounds, not speed assertions: two workers, the server and Postgres share two cores in CI.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    // Workers load this file again after the global setup has exported the server's address.
    baseURL: process.env.CAISSE_TEST_URL,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
});
