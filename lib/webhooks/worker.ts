import type { Db } from '@/db/client';
import { claimDueDeliveries, releaseDeliveryClaims } from '@/db/queries/webhook-deliveries';
import { env } from '@/lib/env';
import { leaseQueueJob } from '@/lib/jobs/lease-queue';
import { startRunner, type Job, type Runner } from '@/lib/jobs/runner';
import { deliverClaimed, type Claim, type DeliverOptions, type DeliveryOutcome } from './deliver';

/**
 * Drains the webhook outbox. Any number of these may run against one
 * database — in each server process and/or as `npm run webhooks:worker` — and
 * each due delivery goes to exactly one of them: the claim is one UPDATE over
 * rows picked with FOR UPDATE SKIP LOCKED, and it stamps a lease (locked_until)
 * rather than holding a transaction open across the HTTP call. A worker that
 * dies mid-delivery simply lets its lease run out; the next claim after that
 * picks the delivery up again (at-least-once, as webhooks are). The loop is
 * lib/jobs' lease queue.
 */

// The default lease (WEBHOOK_CLAIM_LEASE_SECONDS): longer than a delivery can
// take (10 s timeout) plus settling, with margin for a stalled database, so a
// live worker's claim never expires under it.
export const LEASE_SECONDS = 60;

/** Claims up to `limit` due deliveries for this worker. */
export function claimDue(db: Db, p: { limit: number; now?: Date }): Promise<Claim[]> {
  return claimDueDeliveries(db, { ...p, leaseSeconds: env().WEBHOOK_CLAIM_LEASE_SECONDS });
}

/** One claim-and-deliver pass; what tests drive with an injected clock. */
export async function runOnce(
  db: Db,
  opts: DeliverOptions & { limit?: number } = {},
): Promise<{ claim: Claim; outcome: DeliveryOutcome }[]> {
  const claims = await claimDue(db, { limit: opts.limit ?? 8, now: opts.now });
  return Promise.all(claims.map(async (claim) => ({ claim, outcome: await deliverClaimed(db, claim, opts) })));
}

export type WorkerOptions = DeliverOptions & { concurrency?: number; idlePollMs?: number };

/**
 * The delivery job: at most `concurrency` deliveries in flight, claiming
 * again as soon as one is recorded, polling every `idlePollMs` when the
 * outbox is empty.
 */
export function webhookJob(db: Db, opts: WorkerOptions = {}): Job {
  return leaseQueueJob<Claim>({
    name: 'webhooks',
    concurrency: opts.concurrency ?? 8,
    idleMs: opts.idlePollMs ?? 500,
    claim: (limit) => claimDue(db, { limit, now: opts.now }),
    leaseMs: env().WEBHOOK_CLAIM_LEASE_SECONDS * 1000,
    now: () => opts.now ?? new Date(),
    handle: (claim) => deliverClaimed(db, claim, opts),
    release: (claims) => releaseDeliveryClaims(db, claims),
  });
}

export type Worker = Pick<Runner, 'stop'>;

/** The delivery job on a runner of its own; `stop()` resolves once the deliveries in flight are recorded. */
export function createWorker(db: Db, opts: WorkerOptions & { log?: (line: string) => void } = {}): Worker {
  return startRunner([webhookJob(db, opts)], { log: opts.log });
}
