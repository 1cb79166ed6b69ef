// The production HTTP server (npm start, and every test server): Next's request handler behind node:http,
// so that each request's client address is decided here, from the socket and the trusted proxies only; /v1 requests
// go straight to their route modules (./api-dispatch.ts).
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import next from 'next';
import { apiDispatcher, builtRoutes } from './api-dispatch';
import { DIST } from './build-if-needed';
import { concurrencyLimit } from './concurrency-limit';
import { closeDb } from '../db/client';
import { env } from '../lib/env';
import { exitOnSignals } from '../lib/jobs/on-signals';
import { stopProcessRunner } from '../lib/jobs/process-runner';
import { newRequestId, REQUEST_ID_HEADER } from '../lib/api/request-id';
import { log } from '../lib/log';
import { observeRequest } from '../lib/metrics/metrics';
import { routeLabel } from '../lib/metrics/route-label';
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from '../lib/security/client-address';

const ROOT = path.resolve(__dirname, '..');

// tsx turns Node's source maps on for the TypeScript it compiles, and with them on Node reads and keeps the map of
// every module the server loads, Next's chunks included: 66 MB of heap at boot here. A production server runs
// without them, as `next start` does; NODE_OPTIONS=--enable-source-maps turns them back on for readable traces.
if (!process.execArgv.includes('--enable-source-maps') && !(process.env.NODE_OPTIONS ?? '').includes('--enable-source-maps'))
  process.setSourceMapsEnabled(false);
const QUIET_ROUTES = new Set(['/_next', '/healthz', '/readyz', '/metrics']);

async function main() {
  const { PORT, HOST, TRUSTED_PROXIES, PAGE_CONCURRENCY } = env();
  const trust = parseTrustedProxies(TRUSTED_PROXIES);
  serveBuiltConfig();
  const app = next({ dev: false, dir: ROOT, hostname: HOST, port: PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const dispatchApi = apiDispatcher(ROOT, (req, res) => void handle(req, res), builtRoutes(DIST));
  let stopping = false;
  // Every page rendered at once holds its tree and its streams: past a few per core they only add memory, not speed.
  const pages = PAGE_CONCURRENCY > 0 ? concurrencyLimit(PAGE_CONCURRENCY) : null;
  const server = createServer((req, res) => {
    const startedAt = process.hrtime.bigint();
    const requestId = newRequestId();
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader('request-id', requestId);
    res.once('finish', () => {
      const route = routeLabel(req.url, res.statusCode);
      const ms = observeRequest({ method: req.method, route, status: res.statusCode, startedAt });
      // The route, not the URL: a query string can carry a client secret. The client as decided for this request below.
      const client = req.headers[CLIENT_ADDRESS_HEADER];
      const line = { reqId: requestId, client, method: req.method, route, status: res.statusCode, ms };
      // Probes and static assets only at debug: a health check every few seconds would drown the rest.
      if (QUIET_ROUTES.has(route)) log().debug(line, 'request');
      else log().info(line, 'request');
    });
    // Replaces whatever the client sent under this name: only this server says who the client is.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, trust);
    // Once stopping, every answer ends its connection: a keep-alive client cannot hold the server open.
    if (stopping) res.setHeader('connection', 'close');
    if (dispatchApi(req, res)) return;
    if (!pages || req.url?.startsWith('/_next/')) void handle(req, res);
    else pages(res, () => void handle(req, res));
  });
  // A port that cannot be had ends the process (Next's own handler would log the error and leave it running, deaf).
  server.once('error', (err) => {
    log().fatal({ err }, `the server could not listen on ${HOST}:${PORT}`);
    process.exit(1);
  });
  server.listen(PORT, HOST, () => {
    log().info({ url: `http://${HOST}:${PORT}` }, `Caisse is listening on http://${HOST}:${PORT}`);
  });
  // Stop taking requests, let the background jobs (started by lib/boot.ts) finish what they hold and give
  // back their leases, then close the database.
  exitOnSignals(async () => {
    stopping = true;
    const closed = new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
    server.closeIdleConnections();
    await Promise.all([closed, stopProcessRunner()]);
    await closeDb();
  });
}

/**
 * Next serves with the config its build resolved (required-server-files.json), as its own standalone server does,
 * instead of compiling next.config.ts again at start: that compile loads Next's native SWC binding, 26 MB resident in
 * every server process for nothing else. The build is the one served: it was made from the same next.config.ts.
 */
function serveBuiltConfig() {
  const manifest = path.join(DIST, 'required-server-files.json');
  const { config } = JSON.parse(readFileSync(manifest, 'utf8')) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

/**
 * SERVER_PROCESSES > 1: this process only starts and watches the server processes (node:cluster shares the port
 * between them). The first starts alone (it migrates and, on an empty database, seeds the demo merchant), the others
 * once it listens. One that dies after it served is replaced; one that dies before it ever listened failed to start
 * (a bad setting, no database), and starting another would fail the same way, so everything stops with exit code 1
 * instead of forking forever. SIGTERM/SIGINT go to every one, and this process exits once they have all stopped
 * (0 if every one stopped cleanly).
 */
function superviseServers(count: number) {
  let stopping = false;
  let failed = false;
  let started = false;
  const served = new Set<number>();
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  cluster.on('listening', (worker) => {
    served.add(worker.id);
    if (started) return;
    started = true;
    for (let i = 1; i < count && !stopping; i++) cluster.fork();
  });
  cluster.on('exit', (worker, code, signal) => {
    const hadServed = served.delete(worker.id);
    if (!stopping && hadServed) {
      log().error({ pid: worker.process.pid, code, signal }, 'a server process stopped; starting another');
      cluster.fork();
      return;
    }
    if (!stopping) {
      log().fatal({ pid: worker.process.pid, code, signal }, 'a server process could not start; stopping them all');
      failed = true;
      stopAll('SIGTERM');
    } else failed ||= code !== 0;
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      stopAll(signal);
    });
  cluster.fork();
}

const { SERVER_PROCESSES, DATABASE_URL, HEAP_GROWTH_PERCENT } = env();
// V8 grows the heap by a factor it picks itself, up to fourfold with memory to spare: under load a process kept
// 480–650 MB of mostly garbage. A fixed, small step keeps it near what is live (docs/SCALING.md, "Memory"). The flag
// is read at each collection, so setting it now takes effect.
if (HEAP_GROWTH_PERCENT > 0) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH_PERCENT}`);
if (cluster.isPrimary && SERVER_PROCESSES > 1 && DATABASE_URL) superviseServers(SERVER_PROCESSES);
else {
  if (SERVER_PROCESSES > 1 && !DATABASE_URL)
    log().warn('SERVER_PROCESSES needs DATABASE_URL (PGlite is one process’s database): serving from one process');
  main().catch((err: unknown) => {
    log().fatal({ err }, 'the server could not start');
    process.exit(1);
  });
}
