import type { TestProject } from 'vitest/node';
import { buildIfNeeded } from '../../scripts/build-if-needed';
import { startTestServer } from '../support/test-server';

declare module 'vitest' {
  export interface ProvidedContext {
    caisseUrl: string;
    caisseOperatorKey: string;
  }
}

/** Serves the API suite: the server `npm test` started, or one of its own. */
export default async function setup(project: TestProject) {
  if (process.env.CAISSE_TEST_URL) return;
  buildIfNeeded();
  const server = await startTestServer();
  project.provide('caisseUrl', server.url);
  project.provide('caisseOperatorKey', server.operatorKey);
  return () => server.stop();
}
