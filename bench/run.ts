// npm run bench: load-tests session create/retrieve, /healthz and the checkout page on Postgres, each beside a bare
// node:http + postgres.js server running the same SQL (bench/baseline.ts), the page beside a bare renderToString of its
// component tree (bench/render-floor.tsx), in the same run; writes bench/results.json.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchSetupError, DEFAULT_DATABASE_URL, startBenchServer, type BenchServer } from './server';
import { spawnBaseline, type Baseline } from './baseline';
import { spawnUrlProcess, type UrlProcess } from './url-process';
import { measureFirstPaint, type FirstPaint } from './first-paint';
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
  // Caisse's server processes (SERVER_PROCESSES); the baseline stays one process.
  processes: num('BENCH_PROCESSES', 1),
  // Unique keys by default: the official SDK sends one with every POST.
  idempotency: process.env.BENCH_IDEMPOTENCY !== 'off',
  scenarios: scenarioList(process.env.BENCH_SCENARIOS ?? 'create,retrieve,healthz,page'),
  write: process.env.BENCH_WRITE !== 'off',
});

// Issue 15's targets: ratios against the bare baseline (bench/baseline.ts) measured in the same run, so the machine's
// speed cancels out; absolute figures only where a ratio means nothing (p99 at 5 connections, memory).
const TARGET = {
  create_ratio: 0.5,
  retrieve_ratio: 0.5,
  create_p99_ms_at_5: 50,
  rss_mb: 300,
  page_render_ratio: 0.5,
  page_js_ratio: 1.15,
  page_fcp_ratio: 1.3,
};
const MAX_FAILURE_RATE = 0.01;

type Target = { target: string; measured: number; status: 'PASS' | 'MISS' };

type Side = Partial<Record<ScenarioName, Measured>>;
type Extras = { createAt5?: Measured; rssMb?: number; pageJsRatio?: number; pageFcpRatio?: number };

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? Math.round((a / b) * 100) / 100 : undefined);

function targets(caisse: Side, baseline: Side, x: Extras): Record<string, Target> {
  const out: Record<string, Target> = {};
  const check = (key: string, measured: number | undefined, ok: (v: number) => boolean, target: string) => {
    if (measured !== undefined) out[key] = { target, measured, status: ok(measured) ? 'PASS' : 'MISS' };
  };
  check(
    'create_ratio',
    ratio(caisse.create?.rps, baseline.create?.rps),
    (v) => v >= TARGET.create_ratio,
    `>= ${TARGET.create_ratio}× baseline`,
  );
  check(
    'retrieve_ratio',
    ratio(caisse.retrieve?.rps, baseline.retrieve?.rps),
    (v) => v >= TARGET.retrieve_ratio,
    `>= ${TARGET.retrieve_ratio}× baseline`,
  );
  check('create_p99_ms_at_5', x.createAt5?.p99_ms, (v) => v < TARGET.create_p99_ms_at_5, `< ${TARGET.create_p99_ms_at_5} (5 connections)`);
  check(
    'page_render_ratio',
    ratio(caisse.page?.rps, baseline.page?.rps),
    (v) => v >= TARGET.page_render_ratio,
    `>= ${TARGET.page_render_ratio}× a bare renderToString of the page's component tree`,
  );
  check('rss_mb', x.rssMb, (v) => v < TARGET.rss_mb, `< ${TARGET.rss_mb} (largest after a scenario)`);
  check('page_js_ratio', x.pageJsRatio, (v) => v <= TARGET.page_js_ratio, `<= ${TARGET.page_js_ratio}× the home page's JavaScript`);
  check(
    'page_fcp_ratio',
    x.pageFcpRatio,
    (v) => v <= TARGET.page_fcp_ratio,
    `<= ${TARGET.page_fcp_ratio}× the home page's first contentful paint (cold, same browser)`,
  );
  return out;
}

function printTable(caisse: Side, baseline: Side, t: Record<string, Target>, connections: number) {
  const rows = [['scenario', 'req/s', 'p50 ms', 'p99 ms', 'baseline req/s', 'baseline p99 ms', 'ratio', 'non-2xx', 'errors']];
  for (const [name, m] of Object.entries(caisse)) {
    const b = baseline[name as ScenarioName];
    rows.push([name, m.rps, m.p50_ms, m.p99_ms, b?.rps ?? '', b?.p99_ms ?? '', ratio(m.rps, b?.rps) ?? '', m.non2xx, m.errors].map(String));
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log('');
  for (const [i, r] of rows.entries()) {
    console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(`\nTargets at ${connections} connections (a miss is reported, it does not fail the run):`);
  for (const [key, v] of Object.entries(t))
    console.log(`  ${v.status}  ${key.padEnd(20)} ${String(v.measured).padStart(7)}  (target ${v.target})`);
}

/** The app process's resident memory now, from its own /metrics. */
async function rssMb(url: string, token: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  const line = text.split('\n').find((l) => l.startsWith('caisse_process_resident_memory_bytes '));
  return Math.round(Number(line?.split(' ')[1] ?? 0) / 1024 / 1024);
}

async function main(): Promise<number> {
  const c = config();
  const load1 = os.loadavg()[0];
  console.log(
    `Caisse bench: ${c.connections} connections, ${c.duration} s per scenario, ${c.processes} server process(es), DB pool ${c.poolSize} each, ` +
      `creates ${c.idempotency ? 'with a unique Idempotency-Key each (as the SDK sends)' : 'without Idempotency-Key'}.`,
  );
  if (load1 > os.cpus().length * 0.5)
    console.log(`Note: load average is ${load1.toFixed(1)} on ${os.cpus().length} CPUs before the run; other work will lower the numbers.`);
  let server: BenchServer | undefined;
  let baseline: Baseline | undefined;
  let floor: UrlProcess | undefined;
  const stop = async () => {
    const [s, b, f] = [server, baseline, floor];
    server = undefined;
    baseline = undefined;
    floor = undefined;
    await b?.stop();
    await f?.stop();
    if (s)
      await s.stop().catch((err: unknown) => {
        console.error(`Could not stop the server or drop its database: ${String(err)}`);
      });
  };
  const onSignal = () => void stop().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const metricsToken = randomBytes(24).toString('base64url');
    server = await startBenchServer({ databaseUrl: c.databaseUrl, poolSize: c.poolSize, metricsToken, processes: c.processes });
    baseline = await spawnBaseline({ databaseUrl: server.databaseUrl, poolSize: c.poolSize });
    // React's production build, as Next's server runs it.
    if (c.scenarios.includes('page')) floor = await spawnUrlProcess(path.join(__dirname, 'render-floor.tsx'), { NODE_ENV: 'production' });
    console.log(
      `Serving ${server.distDir} at ${server.url}, the bare baseline at ${baseline.url}, on database ${new URL(server.databaseUrl).pathname.slice(1)}.`,
    );
    const fixtures = await createFixtures(server.url, server.operatorKey, 100);
    const failures = new Failures();
    const request = (name: ScenarioName) => scenarioRequest(name, fixtures, { idempotency: c.idempotency, failures });
    const baselined = c.scenarios.filter((n) => n !== 'page');

    console.log(`Warming up for ${c.warmup} s…`);
    await load(server.url, c.scenarios.map(request), c.connections, c.warmup);
    if (baselined.length) await load(baseline.url, baselined.map(request), c.connections, c.warmup);
    if (floor) await load(floor.url, [request('page')], c.connections, c.warmup);
    failures.samples = [];

    // Each scenario on Caisse and on the baseline back to back, the order alternating, so both meet the same machine.
    const caisse: Side = {};
    const bare: Side = {};
    const extras: Extras = { rssMb: 0 };
    for (const [i, name] of c.scenarios.entries()) {
      const runs: [Side, string][] = [[caisse, server.url]];
      const floorUrl = name === 'page' ? floor?.url : baseline.url;
      if (floorUrl) runs.splice(i % 2, 0, [bare, floorUrl]);
      for (const [side, url] of runs) {
        console.log(
          `Running ${name} on ${side === caisse ? 'Caisse' : name === 'page' ? 'the render floor' : 'the baseline'} for ${c.duration} s…`,
        );
        side[name] = summarize(await load(url, [request(name)], c.connections, c.duration));
      }
      extras.rssMb = Math.max(extras.rssMb ?? 0, await rssMb(server.url, metricsToken));
    }
    if (c.scenarios.includes('create')) {
      console.log(`Running create on Caisse at 5 connections for ${c.duration} s…`);
      extras.createAt5 = summarize(await load(server.url, [request('create')], 5, c.duration));
    }
    let weights: { page: PageWeight; home: PageWeight } | undefined;
    let firstPaint: FirstPaint | undefined;
    if (caisse.page) {
      weights = {
        page: await measurePageWeight(server.url, `/c/${fixtures.sessionIds[0]}`),
        home: await measurePageWeight(server.url, '/'),
      };
      extras.pageJsRatio = ratio(weights.page.js_gz_kb, weights.home.js_gz_kb);
      console.log('Measuring first contentful paint (the page and the home page, cold, alternating)…');
      firstPaint = await measureFirstPaint(server.url, `/c/${fixtures.sessionIds[1]}`);
      extras.pageFcpRatio = ratio(firstPaint.page_ms, firstPaint.home_ms);
      console.log(`First contentful paint, medians of ${firstPaint.rounds}: page ${firstPaint.page_ms} ms, home ${firstPaint.home_ms} ms.`);
    }
    const t = targets(caisse, bare, extras);
    printTable(caisse, bare, t, c.connections);

    const bad = Object.entries({ ...caisse, ...prefixed(bare) }).filter(
      ([, m]) => (m.non2xx + m.errors) / Math.max(1, m.requests + m.errors) > MAX_FAILURE_RATE,
    );
    if (bad.length) {
      console.error(
        `\nFAILED: more than ${MAX_FAILURE_RATE * 100}% non-2xx or errored requests in ${bad.map(([n]) => n).join(', ')}; bench/results.json is left as it was.`,
      );
      for (const s of failures.samples) console.error(`  ${s}`);
      return 1;
    }
    if (c.write) {
      const brief = (side: Side) =>
        Object.fromEntries(
          Object.entries(side).map(([n, m]) => [
            n,
            { rps: m.rps, p50_ms: m.p50_ms, p90_ms: m.p90_ms, p99_ms: m.p99_ms, non2xx: m.non2xx, errors: m.errors },
          ]),
        );
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
        server_processes: c.processes,
        idempotency_keys: c.idempotency ? 'unique per create' : 'none',
        connections: c.connections,
        duration_s: c.duration,
        caisse: brief(caisse),
        baseline: brief(bare),
        ratios: Object.fromEntries(c.scenarios.map((n) => [n, ratio(caisse[n]?.rps, bare[n]?.rps)])),
        create_at_5_connections: extras.createAt5 && brief({ create: extras.createAt5 }).create,
        rss_mb_max: extras.rssMb,
        ...(weights && { page_weight: weights }),
        ...(firstPaint && { first_contentful_paint: firstPaint }),
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

const prefixed = (side: Side) => Object.fromEntries(Object.entries(side).map(([n, m]) => [`baseline ${n}`, m]));

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof BenchSetupError ? `\n${err.message}` : err);
    process.exit(1);
  },
);
