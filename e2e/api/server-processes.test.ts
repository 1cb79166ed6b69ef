import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server';

// SERVER_PROCESSES=2: two server processes share the port (node:cluster), both answer, and SIGTERM stops both cleanly.
// Postgres only (PGlite is one process's database), as the Postgres half of `npm test` runs it.

describe.runIf(process.env.DATABASE_URL)('several server processes', () => {
  it('both answer requests on the one port, and SIGTERM stops them all with exit code 0', async () => {
    const server = await startTestServer({ SERVER_PROCESSES: '2' });
    try {
      const pids = () =>
        new Set(
          server
            .output()
            .split('\n')
            .slice(0, -1)
            .filter((l) => l.startsWith('{') && l.includes('"msg":"request"'))
            .map((l) => (JSON.parse(l) as { pid: number }).pid),
        );
      // The second process starts once the first listens: ask until both have answered (each request is logged by its
      // process). Each request on a connection of its own: a kept-alive connection stays with the process that accepted
      // it, and connections opened while the first process was alone would never reach the second.
      await expect
        .poll(
          async () => {
            await Promise.all(Array.from({ length: 8 }, () => fetch(`${server.url}/v1/customers`, { headers: { connection: 'close' } })));
            return pids().size;
          },
          { timeout: 120_000, interval: 500 },
        )
        .toBe(2);
      await server.kill('SIGTERM');
      expect(server.exitCode()).toBe(0);
    } finally {
      await server.stop();
    }
  }, 180_000);

  it('a process that cannot start (its port is taken) stops them all with exit code 1, not a loop of new ones', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      await expect(startTestServer({ SERVER_PROCESSES: '2', PORT: String(port) })).rejects.toThrow(/exited \(1\)/);
    } finally {
      taken.close();
    }
  }, 120_000);
});
