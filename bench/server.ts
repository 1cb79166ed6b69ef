// Builds the production bundle into the bench's own dist dir and serves it against a fresh Postgres database.
import postgres from 'postgres';
import type { TestServer } from '../e2e/support/test-server';
import { defined } from '../e2e/support/defined';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export class BenchSetupError extends Error {}

/** Fails with a readable message (not a driver stack) when Postgres does not answer. */
async function checkPostgres(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (err) {
    const redacted = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    throw new BenchSetupError(
      `Postgres is not reachable at ${redacted} (${(err as Error).message}).\n` +
        'The bench measures Caisse on Postgres: start a server or point BENCH_DATABASE_URL (or DATABASE_URL) at one.',
    );
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

export type BenchServer = TestServer & { databaseUrl: string; distDir: string };

export async function startBenchServer(opts: {
  databaseUrl: string;
  poolSize: number;
  metricsToken?: string;
  processes?: number;
}): Promise<BenchServer> {
  // Both modules read process.env when they load (the dist dir) or start (the
  // database), so the environment is set first and the modules loaded after.
  process.env.NEXT_DIST_DIR ??= '.next-bench';
  process.env.DATABASE_URL = opts.databaseUrl;
  await checkPostgres(opts.databaseUrl);
  const { buildIfNeeded } = await import('../scripts/build-if-needed');
  buildIfNeeded();
  const { startTestServer } = await import('../e2e/support/test-server');
  const server = await startTestServer(
    {
      DB_POOL_SIZE: String(opts.poolSize),
      ...(opts.metricsToken && { METRICS_TOKEN: opts.metricsToken }),
      SERVER_PROCESSES: String(opts.processes ?? 1),
    },
    // It logs as in production (a line per request), to /dev/null rather than through this process's pipe.
    { logToNull: true },
  );
  return { ...server, databaseUrl: defined(server.databaseUrl, 'server.databaseUrl'), distDir: process.env.NEXT_DIST_DIR };
}
