import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { JOBS, jobsFor } from './registry';
import { outboxDatabase } from './testing/outbox';

// Which jobs a process starts: the ones its environment leaves on, or exactly the ones a worker names.
// The jobs are made, not started.
const db = outboxDatabase('caisse_jobs_registry');
const names = (overrides: Partial<ReturnType<typeof env>>, only?: Parameters<typeof jobsFor>[2]) =>
  jobsFor(db(), { ...env(), ...overrides }, only).map((j) => j.name);

describe('the job registry', () => {
  it('every switch on (the default) → a server runs every job', () => {
    expect(names({})).toEqual(['webhooks', 'emails', 'expiry-sweep', 'async-payment-sweep', 'subscription-billing']);
    expect(names({})).toEqual(JOBS.map((j) => j.name));
  });

  it('each switch off → just that job is left to another process', () => {
    expect(names({ WEBHOOK_WORKER: 'off' })).toEqual(['emails', 'expiry-sweep', 'async-payment-sweep', 'subscription-billing']);
    expect(names({ EMAIL_WORKER: 'off' })).toEqual(['webhooks', 'expiry-sweep', 'async-payment-sweep', 'subscription-billing']);
    expect(names({ EXPIRY_SWEEP: 'off' })).toEqual(['webhooks', 'emails', 'async-payment-sweep', 'subscription-billing']);
    expect(names({ ASYNC_PAYMENT_SWEEP: 'off' })).toEqual(['webhooks', 'emails', 'expiry-sweep', 'subscription-billing']);
    expect(names({ SUBSCRIPTION_BILLING: 'off' })).toEqual(['webhooks', 'emails', 'expiry-sweep', 'async-payment-sweep']);
  });

  it('a dedicated worker names its jobs → exactly those, whatever the switches say', () => {
    expect(names({ WEBHOOK_WORKER: 'off' }, ['webhooks'])).toEqual(['webhooks']);
  });
});
