// The production HTTP server (npm start, and every test server): Next's request handler behind node:http,
// so that each request's client address is decided here, from the socket and the trusted proxies only.
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { closeDb } from '../db/client';
import { env } from '../lib/env';
import { exitOnSignals } from '../lib/jobs/on-signals';
import { stopProcessRunner } from '../lib/jobs/process-runner';
import { newRequestId, REQUEST_ID_HEADER } from '../lib/api/request-id';
import { log } from '../lib/log';
import { observeRequest } from '../lib/metrics/metrics';
import { routeLabel } from '../lib/metrics/route-label';
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from '../lib/security/client-address';

const QUIET_ROUTES = new Set(['/_next', '/healthz', '/readyz', '/metrics']);

async function main() {
  const { PORT, HOST, TRUSTED_PROXIES } = env();
  const trust = parseTrustedProxies(TRUSTED_PROXIES);
  const app = next({ dev: false, dir: path.resolve(__dirname, '..'), hostname: HOST, port: PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  let stopping = false;
  const server = createServer((req, res) => {
    const startedAt = process.hrtime.bigint();
    const requestId = newRequestId();
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader('request-id', requestId);
    res.once('finish', () => {
      const route = routeLabel(req.url, res.statusCode);
      const ms = observeRequest({ method: req.method, route, status: res.statusCode, startedAt });
      // The route, not the URL: a query string can carry a client secret. The client as decided above.
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
    void handle(req, res);
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

main().catch((err: unknown) => {
  log().fatal({ err }, 'the server could not start');
  process.exit(1);
});
