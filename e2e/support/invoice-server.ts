import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startTestServer, type TestServer } from './test-server';

const ROOT = path.resolve(__dirname, '..', '..');

export type SeededInvoice = { path: string; number: string };

/**
 * A server of its own, on a database that already holds open subscription invoices (each the declined
 * renewal of a trial paid with the card that saves then declines: lib/billing/testing/open-invoice.ts),
 * for the browser tests of the hosted invoice page. Until subscriptions renew through the API (test
 * clocks), the invoices are made by lib code on the database before the server opens it; the server and
 * the seeding share the installation's key file, so the invoices' signed links open.
 */
export async function startInvoiceServer(
  wanted: { locale?: string }[],
): Promise<{ server: TestServer; invoices: SeededInvoice[]; stop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  if (base) {
    const name = `caisse_test_invoices_${randomBytes(5).toString('hex')}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
    drop = async () => {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'caisse-invoices-'));
    env = { PGLITE_DIR: dir, DATABASE_URL: '' };
    drop = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
  }
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'e2e', 'support', 'seed-open-invoices.ts'), JSON.stringify(wanted)],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    },
  );
  const invoices = JSON.parse(output) as SeededInvoice[];
  // Postgres: the server joins the seeded database; PGlite: it opens the seeded directory.
  const server = base ? await startTestServer({}, { databaseUrl: env.DATABASE_URL }) : await startTestServer(env);
  return {
    server,
    invoices,
    stop: async () => {
      await server.stop();
      await drop();
    },
  };
}
