// The production HTTP server (npm start, and every test server): Next's request handler behind node:http,
// so that each request's client address is decided here, from the socket and the trusted proxies only.
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { env } from '../lib/env';
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from '../lib/security/client-address';

async function main() {
  const { PORT, HOST, TRUSTED_PROXIES } = env();
  const trust = parseTrustedProxies(TRUSTED_PROXIES);
  const app = next({ dev: false, dir: path.resolve(__dirname, '..'), hostname: HOST, port: PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    // Replaces whatever the client sent under this name: only this server says who the client is.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, trust);
    void handle(req, res);
  });
  server.listen(PORT, HOST, () => {
    console.log(`Caisse is listening on http://${HOST}:${PORT}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
