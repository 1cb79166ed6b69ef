import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { defined } from '../support/defined';
import { newMerchantOn } from '../support/merchant';
import { queryServerDatabase } from '../support/server-database';
import { freePort, startTestServer, type TestServer } from '../support/test-server';

// Caddy (Debian's package) in front of `npm start`'s server, as docs/DEPLOY.md deploys it, with its internal CA
// standing in for Let's Encrypt: a verified custom domain gets a certificate on demand (Caddy asks /domains/check)
// and serves its checkout page over HTTPS, an unknown name gets no certificate, and Caisse takes the client's
// address from the X-Forwarded-For its trusted proxy set, never the one the client forged.

const CADDY = process.env.CADDY_PATH ?? 'caddy';

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** GET over HTTPS to Caddy with `hostname` as SNI and Host, from 127.0.0.2, trusting `ca` (or nothing, to probe). */
function httpsGet(p: { port: number; hostname: string; path: string; ca?: string; headers?: Record<string, string> }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: p.port,
        path: p.path,
        servername: p.hostname,
        localAddress: '127.0.0.2',
        headers: { host: p.hostname, ...p.headers },
        ...(p.ca ? { ca: p.ca } : { rejectUnauthorized: false }),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function startCaddy(p: { dir: string; appUrl: string; httpPort: number; httpsPort: number }): { child: ChildProcess; log: () => string } {
  const config = path.join(p.dir, 'Caddyfile');
  writeFileSync(
    config,
    `{
\tadmin off
\tlocal_certs
\tskip_install_trust
\thttp_port ${p.httpPort}
\thttps_port ${p.httpsPort}
\tstorage file_system {
\t\troot ${p.dir}/data
\t}
\ton_demand_tls {
\t\task ${p.appUrl}/domains/check
\t}
}

https:// {
\ttls {
\t\ton_demand
\t}
\treverse_proxy ${new URL(p.appUrl).host}
}
`,
  );
  let output = '';
  const child = spawn(CADDY, ['run', '--adapter', 'caddyfile', '--config', config], {
    env: { ...process.env, HOME: p.dir, XDG_DATA_HOME: p.dir, XDG_CONFIG_HOME: p.dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  child.on('error', (err) => (output += `\n${err.message}`));
  return { child, log: () => output };
}

describe('Caddy in front of Caisse', () => {
  it('a verified custom domain gets a certificate on demand and serves checkout over HTTPS; an unknown one gets none; X-Forwarded-For from Caddy only', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'caisse-caddy-'));
    // Caddy is the only proxy Caisse trusts here; the test's own requests to Caddy come from 127.0.0.2.
    const env = { TRUSTED_PROXIES: '127.0.0.1' };
    const first = await startTestServer(env);
    let server: TestServer | null = null;
    let caddy: { child: ChildProcess; log: () => string } | null = null;
    try {
      const merchant = await newMerchantOn(first);
      const price = await oneTimePrice(merchant.stripe, 2500, 'eur');
      const session = await merchant.stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: SUCCESS_URL,
      });
      // The domain as the dashboard leaves it once its TXT record was seen (e2e/dashboard-domains.spec.ts drives
      // that), written while the server is stopped (an embedded database has one process at a time), then served again.
      const domain = `pay-${randomBytes(4).toString('hex')}.shop.test`;
      await first.kill('SIGTERM');
      await queryServerDatabase(
        first,
        'insert into custom_domains (id, account_id, hostname, verification_token, verified_at) values ($1, $2, $3, $4, now())',
        [`dom_${randomBytes(8).toString('hex')}`, merchant.id, domain, randomBytes(16).toString('hex')],
      );
      server = await startTestServer(
        env,
        first.databaseUrl ? { databaseUrl: first.databaseUrl } : { pgliteDir: defined(first.pgliteDir, 'pgliteDir') },
      );
      const app = server;

      const [httpPort, httpsPort] = [await freePort(), await freePort()];
      caddy = startCaddy({ dir, appUrl: app.url, httpPort, httpsPort });
      const running = caddy;
      const page = { port: httpsPort, hostname: domain, path: `/c/${session.id}` };
      // Caddy listens, asks Caisse about the name, and has its CA sign a certificate for it: wait for that.
      await expect
        .poll(
          async () => {
            if (running.child.exitCode !== null) throw new Error(`caddy exited:\n${running.log()}`);
            return httpsGet(page).then(
              (a) => a.status,
              () => 0,
            );
          },
          { timeout: 60_000, interval: 250 },
        )
        .toBe(200);

      // Verified against Caddy's own root: a real certificate for the domain, not a skipped check.
      const root = path.join(dir, 'data', 'pki', 'authorities', 'local', 'root.crt');
      expect(existsSync(root)).toBe(true);
      const answer = await httpsGet({ ...page, ca: readFileSync(root, 'utf8'), headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('€25.00');
      const requestId = String(defined(answer.headers['request-id'], 'request-id'));

      // A name no merchant verified: Caisse answers Caddy's ask with 404, so there is no certificate to offer.
      expect((await fetch(`${app.url}/domains/check?domain=evil.shop.test`)).status).toBe(404);
      await expect(httpsGet({ ...page, hostname: 'evil.shop.test' })).rejects.toThrow();

      // The address Caisse used for the request: the one Caddy saw (127.0.0.2), not the forged header.
      const logged = () =>
        app
          .output()
          .split('\n')
          .filter((l) => l.includes(requestId))
          .map((l) => (JSON.parse(l) as { client?: string }).client);
      await expect.poll(logged).toEqual(['127.0.0.2']);
    } finally {
      if (caddy?.child.exitCode === null) {
        const exited = new Promise((resolve) => caddy?.child.once('exit', resolve));
        caddy.child.kill('SIGTERM');
        await exited;
      }
      await server?.kill('SIGTERM');
      await first.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
