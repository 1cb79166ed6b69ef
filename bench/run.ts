// npm run bench: load-tests session create/retrieve (and /healthz as the framework's ceiling) on Postgres; writes bench/results.json.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchSetupError, DEFAULT_DATABASE_URL, startBenchServer, type BenchServer } from './server';
import { measurePageWeight, type PageWeight } from './page-budget';
import { createFixtures, Failures, load, scenarioRequest, summarize, type Measured, type ScenarioName } from './scenarios';

const num = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new BenchSetupError(`${name} must be a positive number, got '${v}'`);
  return n;
};

const SCENARIOS: ScenarioName[] = ['create', 'retrieve', 'healthz', 'page'];

function scenarioList(value: string): ScenarioName[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !SCENARIOS.includes(n as ScenarioName));
  if (unknown.length || !names.length)
    throw new BenchSetupError(`BENCH_SCENARIOS takes a comma-separated list of ${SCENARIOS.join(', ')}; got '${value}'`);
  return names as ScenarioName[];
}

const config = () => ({
  databaseUrl: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  connections: num('BENCH_CONNECTIONS', 50),
  duration: num('BENCH_DURATION', 10),
  warmup: num('BENCH_WARMUP', 3),
  poolSize: num('BENCH_DB_POOL_SIZE', 25),
  // Unique keys by default: the official SDK sends one with every POST.
  idempotency: process.env.BENCH_IDEMPOTENCY !== 'off',
  scenarios: scenarioList(process.env.BENCH_SCENARIOS ?? 'create,retrieve,healthz,page'),
  write: process.env.BENCH_WRITE !== 'off',
});

const TARGET = { create_rps: 800, p99_ms: 50, page_rps: 300, page_render_p50_ms: 30, page_js_gz_kb: 200, page_css_gz_kb: 20 };
const MAX_FAILURE_RATE = 0.01;

type Target = { target: string; measured: number; status: 'PASS' | 'MISS' };

type PageExtras = { weight?: PageWeight; renderP50?: number };

function targets(s: Partial<Record<ScenarioName, Measured>>, page: PageExtras = {}): Record<string, Target> {
  const out: Record<string, Target> = {};
  const check = (key: string, measured: number | undefined, ok: (v: number) => boolean, target: string) => {
    if (measured !== undefined) out[key] = { target, measured, status: ok(measured) ? 'PASS' : 'MISS' };
  };
  check('create_rps', s.create?.rps, (v) => v >= TARGET.create_rps, `>= ${TARGET.create_rps}`);
  check('create_p99_ms', s.create?.p99_ms, (v) => v < TARGET.p99_ms, `< ${TARGET.p99_ms}`);
  check('retrieve_p99_ms', s.retrieve?.p99_ms, (v) => v < TARGET.p99_ms, `< ${TARGET.p99_ms}`);
  check('page_rps', s.page?.rps, (v) => v >= TARGET.page_rps, `>= ${TARGET.page_rps}`);
  check('page_render_p50_ms', page.renderP50, (v) => v <= TARGET.page_render_p50_ms, `<= ${TARGET.page_render_p50_ms} (one connection)`);
  check('page_js_gz_kb', page.weight?.js_gz_kb, (v) => v <= TARGET.page_js_gz_kb, `<= ${TARGET.page_js_gz_kb}`);
  check('page_css_gz_kb', page.weight?.css_gz_kb, (v) => v <= TARGET.page_css_gz_kb, `<= ${TARGET.page_css_gz_kb}`);
  return out;
}

function printTable(s: Partial<Record<ScenarioName, Measured>>, t: Record<string, Target>, connections: number) {
  const rows = [['scenario', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'requests', 'non-2xx', 'errors']];
  for (const [name, m] of Object.entries(s))
    rows.push([name, m.rps, m.p50_ms, m.p90_ms, m.p99_ms, m.requests, m.non2xx, m.errors].map(String));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log('');
  for (const [i, r] of rows.entries()) {
    console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(`\nTargets at ${connections} connections (a miss is reported, it does not fail the run):`);
  for (const [key, v] of Object.entries(t))
    console.log(`  ${v.status}  ${key.padEnd(16)} ${String(v.measured).padStart(6)}  (target ${v.target})`);
}

async function main(): Promise<number> {
  const c = config();
  const load1 = os.loadavg()[0];
  console.log(
    `Caisse bench: ${c.connections} connections, ${c.duration} s per scenario, DB pool ${c.poolSize}, ` +
      `creates ${c.idempotency ? 'with a unique Idempotency-Key each (as the SDK sends)' : 'without Idempotency-Key'}.`,
  );
  if (load1 > os.cpus().length * 0.5)
    console.log(`Note: load average is ${load1.toFixed(1)} on ${os.cpus().length} CPUs before the run; other work will lower the numbers.`);
  let server: BenchServer | undefined;
  const stop = async () => {
    const s = server;
    server = undefined;
    if (s)
      await s.stop().catch((err: unknown) => {
        console.error(`Could not stop the server or drop its database: ${String(err)}`);
      });
  };
  const onSignal = () => void stop().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    server = await startBenchServer({ databaseUrl: c.databaseUrl, poolSize: c.poolSize });
    console.log(`Serving ${server.distDir} at ${server.url} on database ${new URL(server.databaseUrl).pathname.slice(1)}.`);
    const fixtures = await createFixtures(server.url, server.operatorKey, 100);
    const failures = new Failures();
    const request = (name: ScenarioName) => scenarioRequest(name, fixtures, { idempotency: c.idempotency, failures });

    console.log(`Warming up for ${c.warmup} s…`);
    await load(server.url, c.scenarios.map(request), c.connections, c.warmup);
    failures.samples = [];

    const measured: Partial<Record<ScenarioName, Measured>> = {};
    for (const name of c.scenarios) {
      console.log(`Running ${name} for ${c.duration} s…`);
      measured[name] = summarize(await load(server.url, [request(name)], c.connections, c.duration));
    }
    // The page's render time alone (one request at a time) and its weight, as the hosted page issue budgets them.
    const page: PageExtras = {};
    if (measured.page) {
      console.log('Measuring the page alone (1 connection) and its weight…');
      page.renderP50 = summarize(await load(server.url, [request('page')], 1, Math.min(5, c.duration))).p50_ms;
      page.weight = await measurePageWeight(server.url, `/c/${fixtures.sessionIds[0]}`);
    }
    const t = targets(measured, page);
    printTable(measured, t, c.connections);

    const bad = Object.entries(measured).filter(([, m]) => (m.non2xx + m.errors) / Math.max(1, m.requests + m.errors) > MAX_FAILURE_RATE);
    if (bad.length) {
      console.error(
        `\nFAILED: more than ${MAX_FAILURE_RATE * 100}% non-2xx or errored requests in ${bad.map(([n]) => n).join(', ')}; bench/results.json is left as it was.`,
      );
      for (const s of failures.samples) console.error(`  ${s}`);
      return 1;
    }
    if (c.write) {
      const results = {
        measured_at: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          cpu_model: os.cpus()[0]?.model ?? null,
          node: process.version,
          loadavg_1m_before: Number(load1.toFixed(2)),
        },
        database: 'postgres',
        db_pool_size: c.poolSize,
        idempotency_keys: c.idempotency ? 'unique per create' : 'none',
        connections: c.connections,
        duration_s: c.duration,
        scenarios: Object.fromEntries(
          Object.entries(measured).map(([n, m]) => [
            n,
            { rps: m.rps, p50_ms: m.p50_ms, p90_ms: m.p90_ms, p99_ms: m.p99_ms, non2xx: m.non2xx, errors: m.errors },
          ]),
        ),
        ...(measured.page && { page_render: { p50_ms_one_connection: page.renderP50, weight: page.weight } }),
        targets: t,
      };
      const file = path.join(__dirname, 'results.json');
      writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
      console.log(`\nWrote ${path.relative(process.cwd(), file)}.`);
    }
    return 0;
  } finally {
    await stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof BenchSetupError ? `\n${err.message}` : err);
    process.exit(1);
  },
);
