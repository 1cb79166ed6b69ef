import { buildIfNeeded } from '../../scripts/build-if-needed';
import { startTestServer } from './test-server';

/**
 * Serves the browser suite: the server `npm test` started (CAISSE_TEST_URL),
 * or one of its own on a fresh database. Workers inherit process.env from here.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.CAISSE_TEST_URL) return undefined;
  buildIfNeeded();
  const server = await startTestServer();
  process.env.CAISSE_TEST_URL = server.url;
  process.env.CAISSE_TEST_OPERATOR_KEY = server.operatorKey;
  return () => server.stop();
}
