import { describe, expect, it } from 'vitest';
import { testServerUrl } from '../support/merchant';

// The probes a proxy or an orchestrator polls: liveness (/healthz) and readiness (/readyz), never cached.

describe('health endpoints', () => {
  it('/healthz and /readyz answer 200 on a migrated server', async () => {
    const health = await fetch(`${testServerUrl()}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${testServerUrl()}/readyz`);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', checks: { database: true, migrations: true } }]);
  });
});
