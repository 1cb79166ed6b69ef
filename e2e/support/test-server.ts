import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { defined } from './defined';

const ROOT = path.resolve(__dirname, '..', '..');

export type TestServer = {
  url: string;
  operatorKey: string;
  databaseUrl: string | null;
  /** Where its embedded database lives (PGlite runs), for a test that reads it after the server stopped. */
  pgliteDir: string | null;
  stop: () => Promise<void>;
  // Ends the process with `signal` (SIGKILL simulates a crash) and leaves the database for another server.
  kill: (signal: NodeJS.Signals) => Promise<void>;
  /** The process's exit code once it exited (null while it runs, or when a signal ended it). */
  exitCode: () => number | null;
  /** Everything the process wrote to stdout and stderr so far (its log). */
  output: () => string;
};

// `databaseUrl` / `pgliteDir`: open that existing database (a stopped test server's, or another's Postgres one) instead of
// making one; it is never dropped here.
// `logToNull`: the server's stdout (its log) goes to /dev/null instead of through a pipe to this process (the bench:
// a load generator reading every log line would measure itself); stderr is still kept.
export type TestServerOptions = { databaseUrl?: string; pgliteDir?: string; logToNull?: boolean };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => {
        resolve(port);
      });
    });
    srv.on('error', reject);
  });
}

/** A fresh database for one test run: its own Postgres database, or its own PGlite directory. */
async function freshDatabase(): Promise<{
  env: Record<string, string>;
  databaseUrl: string | null;
  pgliteDir?: string;
  drop: () => Promise<void>;
}> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'caisse-pglite-'));
    return {
      env: { PGLITE_DIR: dir, DATABASE_URL: '' },
      databaseUrl: null,
      pgliteDir: dir,
      drop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const name = `caisse_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    databaseUrl: url.toString(),
    drop: async () => {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The server did not become healthy:\n${log()}`);
}

/** Starts the production build on a free port against a fresh database (or a shared one, see TestServerOptions). */
export async function startTestServer(extraEnv: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const db = options.databaseUrl
    ? { env: { DATABASE_URL: options.databaseUrl }, databaseUrl: options.databaseUrl, drop: async () => {} }
    : options.pgliteDir
      ? { env: { PGLITE_DIR: options.pgliteDir, DATABASE_URL: '' }, databaseUrl: null, pgliteDir: options.pgliteDir, drop: async () => {} }
      : await freshDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const operatorKey = randomBytes(24).toString('hex');
  let output = '';
  // The same server as `npm start` (scripts/serve.ts), on loopback; one process, so a signal reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'serve.ts')], {
    cwd: ROOT,
    // The suites stand where a reverse proxy would (TRUSTED_PROXIES=loopback): each test's customer gets an address
    // of its own through X-Forwarded-For. A test of what an untrusted client can forge starts a server without it.
    env: {
      ...process.env,
      ...db.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TRUSTED_PROXIES: 'loopback',
      APP_URL: url,
      CAISSE_OPERATOR_KEY: operatorKey,
      NEXT_TELEMETRY_DISABLED: '1',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: '1',
      // The shipped exchange-rate snapshot serves however old it gets (lib/fx's own tests cover the maximum age).
      FX_MAX_AGE_DAYS: '100000',
      ...extraEnv,
    },
    stdio: ['ignore', options.logToNull ? 'ignore' : 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  defined(child.stderr, 'child.stderr').on('data', (d: Buffer) => (output += d.toString()));
  try {
    await waitForHealth(url, child, () => output);
  } catch (err) {
    // A server that never became healthy is not left running (or its processes looping) behind the failed test.
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      // SIGTERM first, so that a supervisor stops its server processes too; SIGKILL if it will not go.
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    }
    await db.drop();
    throw err;
  }
  const exited = new Promise((r) => child.once('exit', r));
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    operatorKey,
    databaseUrl: db.databaseUrl,
    pgliteDir: ('pgliteDir' in db && db.pgliteDir) || null,
    kill,
    exitCode: () => child.exitCode,
    output: () => output,
    stop: async () => {
      await kill('SIGTERM');
      await db.drop();
      if (process.env.CAISSE_TEST_SERVER_LOG) console.log(output);
    },
  };
}
