// npm test: type-check, lint and check formatting (at once), build if needed, run every suite (vitest and Playwright at once, each against a server of its own on a fresh database), print "N passed, N failed".
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startTestServer, type TestServer } from '../e2e/support/test-server';
import { buildIfNeeded } from './build-if-needed';

const ROOT = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

type Tally = { passed: number; failed: number };

type Check = { title: string; command: string; args: string[] };

// The static checks: each is one passed or failed check.
const STATIC_CHECKS: Check[] = [
  {
    title: 'Type-checking (tsc --noEmit)',
    command: 'tsc',
    // Incremental, so the second run of CI (on the other database) checks only what changed: nothing.
    args: ['--noEmit', '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/tsc/tsbuildinfo'],
  },
  { title: 'Linting (eslint)', command: 'eslint', args: ['--cache', '--cache-location', 'node_modules/.cache/eslint/', '.'] },
  { title: 'Formatting (prettier --check)', command: 'prettier', args: ['--check', '--cache', '.'] },
];

// Runs one check with its output held back, then prints that output under the check's title, so that checks run at once do not interleave.
function runCheck({ title, command, args }: Check): Promise<Tally> {
  return new Promise((resolve) => {
    const started = Date.now();
    const output: Buffer[] = [];
    const child = spawn(bin(command), args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    let done = false;
    const finish = (ok: boolean, extra = '') => {
      // A child that fails to start may report both 'error' and 'close'.
      if (done) return;
      done = true;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`\n▶ ${title}: ${ok ? 'passed' : 'failed'} in ${seconds} s`);
      const text = [Buffer.concat(output).toString('utf8').trimEnd(), extra].filter(Boolean).join('\n');
      if (text) console.log(text);
      resolve(ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
    };
    child.on('error', (err) => {
      finish(false, err.message);
    });
    child.on('close', (code) => {
      finish(code === 0);
    });
  });
}

async function staticChecks(): Promise<Tally[]> {
  console.log(`\n▶ Static checks at once: ${STATIC_CHECKS.map((c) => c.command).join(', ')}`);
  return Promise.all(STATIC_CHECKS.map(runCheck));
}

/**
 * Runs a suite with each line of its output shown under its label (the API and browser suites run at once), and
 * answers its exit status. Asynchronous on purpose: this process also reads the test servers' output
 * (e2e/support/test-server.ts), and a blocked event loop here would leave a server's pipe full, and the server stuck
 * writing its log (writes to a pipe are synchronous on Linux).
 */
function runSuite(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        console.log(`${label} │ ${line}`);
      });
    }
    child.on('error', () => {
      resolve({ status: 1 });
    });
    child.on('close', (status) => {
      resolve({ status });
    });
  });
}

async function vitest(env: NodeJS.ProcessEnv): Promise<Tally> {
  console.log(`\n▶ Unit and API suites (vitest) on ${process.env.DATABASE_URL ? 'Postgres' : 'PGlite'}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'caisse-vitest-'));
  const report = path.join(dir, 'report.json');
  const r = await runSuite('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      testResults: { status: string; assertionResults: unknown[] }[];
    };
    // A file that failed to load ran no test but failed all the same.
    const brokenFiles = json.testResults.filter((t) => t.status === 'failed' && t.assertionResults.length === 0).length;
    const failed = json.numFailedTests + brokenFiles;
    // A run that failed outside any test (an unhandled error, a bad config) still fails once.
    return { passed: json.numPassedTests, failed: failed || (r.status === 0 ? 0 : 1) };
  } catch {
    return { passed: 0, failed: Math.max(1, r.status ?? 1) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };

/** "1/2": this run takes the first half of the browser suite (CI runs the other half on its other database). Unset: all of it. */
function browserShard(): string[] {
  const shard = process.env.CAISSE_BROWSER_SHARD?.trim();
  if (!shard) return [];
  if (!/^[1-9]\d*\/[1-9]\d*$/.test(shard)) throw new Error(`CAISSE_BROWSER_SHARD must look like 1/2, not ${shard}`);
  return [`--shard=${shard}`];
}

async function playwright(env: NodeJS.ProcessEnv): Promise<Tally> {
  const shard = browserShard();
  console.log(`\n▶ Browser suite (Playwright, Chromium)${shard.length ? `, part ${process.env.CAISSE_BROWSER_SHARD}` : ''}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'caisse-playwright-'));
  const report = path.join(dir, 'report.json');
  const r = await runSuite('browser', bin('playwright'), ['test', ...shard], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as PlaywrightReport;
    // Skipped and fixme tests count as neither; flaky ones needed a retry, so they failed once.
    // Errors outside any test (a spec that does not load, a failing global setup) fail the run.
    const failed = json.stats.unexpected + json.stats.flaky + (json.errors?.length ?? 0);
    // A run that failed in a way the report does not count still fails once.
    return { passed: json.stats.expected, failed: failed || (r.status === 0 ? 0 : 1) };
  } catch {
    return { passed: 0, failed: Math.max(1, r.status ?? 1) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The unit and API suites and the browser suite run at once, each against a server of its own on a fresh database:
 * the browser suite mostly waits on Chromium and the API suite on its server, so together they fill the two cores
 * that one after the other leaves half idle, and neither sees the other's requests (rate limits, sign-ins).
 */
async function suites(): Promise<Tally[]> {
  const [apiServer, browserServer] = await Promise.all([startTestServer(), startTestServer()]);
  const envFor = (server: TestServer) => ({ ...process.env, CAISSE_TEST_URL: server.url, CAISSE_TEST_OPERATOR_KEY: server.operatorKey });
  try {
    return await Promise.all([vitest(envFor(apiServer)), playwright(envFor(browserServer))]);
  } finally {
    await Promise.all([apiServer.stop(), browserServer.stop()]);
  }
}

async function main() {
  const totals: Tally[] = await staticChecks();
  buildIfNeeded();
  totals.push(...(await suites()));
  const passed = totals.reduce((n, t) => n + t.passed, 0);
  const failed = totals.reduce((n, t) => n + t.failed, 0);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
});
