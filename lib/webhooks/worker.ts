import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webhookDeliveries } from '@/db/schema';
import { env } from '@/lib/env';
import { deliverClaimed, sqlNow, type Claim, type DeliverOptions, type DeliveryOutcome } from './deliver';

/**
 * Drains the webhook outbox. Any number of these may run against one
 * database — in each server process and/or as `npm run webhooks:worker` — and
 * each due delivery goes to exactly one of them: the claim is one UPDATE over
 * rows picked with FOR UPDATE SKIP LOCKED, and it stamps a lease (locked_until)
 * rather than holding a transaction open across the HTTP call. A worker that
 * dies mid-delivery simply lets its lease run out; the next claim after that
 * picks the delivery up again (at-least-once, as webhooks are).
 */

// The default lease (WEBHOOK_CLAIM_LEASE_SECONDS): longer than a delivery can
// take (10 s timeout) plus settling, with margin for a stalled database, so a
// live worker's claim never expires under it.
export const LEASE_SECONDS = 60;

/** Claims up to `limit` due deliveries for this worker. */
export async function claimDue(db: Db, p: { limit: number; now?: Date }): Promise<Claim[]> {
  const now = sqlNow(p.now);
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
        or(isNull(webhookDeliveries.lockedUntil), lt(webhookDeliveries.lockedUntil, now)),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(p.limit)
    .for('update', { skipLocked: true });
  return db
    .update(webhookDeliveries)
    .set({ lockedUntil: sql`${now} + interval '${sql.raw(String(env().WEBHOOK_CLAIM_LEASE_SECONDS))} seconds'` })
    .where(inArray(webhookDeliveries.id, due))
    .returning({
      id: webhookDeliveries.id,
      accountId: webhookDeliveries.accountId,
      eventId: webhookDeliveries.eventId,
      endpointId: webhookDeliveries.endpointId,
      attemptCount: webhookDeliveries.attemptCount,
      // Text keeps the microseconds a JS Date would drop, so settling can match it exactly.
      lockToken: sql<string>`${webhookDeliveries.lockedUntil}::text`,
    });
}

/** One claim-and-deliver pass; what tests drive with an injected clock. */
export async function runOnce(
  db: Db,
  opts: DeliverOptions & { limit?: number } = {},
): Promise<{ claim: Claim; outcome: DeliveryOutcome }[]> {
  const claims = await claimDue(db, { limit: opts.limit ?? 8, now: opts.now });
  return Promise.all(claims.map(async (claim) => ({ claim, outcome: await deliverClaimed(db, claim, opts) })));
}

export type WorkerOptions = DeliverOptions & { concurrency?: number; idlePollMs?: number; log?: (msg: string) => void };

export type Worker = { stop: () => Promise<void> };

/**
 * A claim loop with at most `concurrency` deliveries in flight. It claims
 * again as soon as a slot frees or a pass found work, and polls every
 * `idlePollMs` when the outbox is empty. `stop()` stops claiming and resolves
 * once the deliveries in flight have been recorded.
 */
export function createWorker(db: Db, opts: WorkerOptions = {}): Worker {
  const concurrency = opts.concurrency ?? 8;
  const idlePollMs = opts.idlePollMs ?? 500;
  const log = opts.log ?? ((msg) => console.error(msg));
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let wake: () => void = () => {};

  const track = (claim: Claim) => {
    const p: Promise<void> = deliverClaimed(db, claim, opts)
      .then(() => undefined)
      // Only ids: the message of a failed settle never carries a body or secret.
      .catch((err) => log(`webhooks: delivery ${claim.id} could not be recorded: ${err instanceof Error ? err.message : err}`))
      .finally(() => {
        inFlight.delete(p);
        wake();
      });
    inFlight.add(p);
  };

  const loop = async () => {
    while (!stopping) {
      let claimed = 0;
      const free = concurrency - inFlight.size;
      let failed = false;
      if (free > 0) {
        try {
          const claims = await claimDue(db, { limit: free, now: opts.now });
          claimed = claims.length;
          for (const c of claims) track(c);
        } catch (err) {
          failed = true;
          log(`webhooks: claiming deliveries failed: ${err instanceof Error ? err.message : err}`);
        }
      }
      // A full batch means more may be waiting: go again at once.
      if (!failed && claimed > 0 && claimed === free) continue;
      if (stopping) break;
      await new Promise<void>((resolve) => {
        // A database that is down is retried gently, not twice a second.
        const timer = setTimeout(resolve, failed ? Math.max(idlePollMs, 5000) : idlePollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = () => {};
    }
    await Promise.all(inFlight);
  };

  const done = loop();
  return {
    stop: () => {
      stopping = true;
      wake();
      return done;
    },
  };
}

// One worker per server process, on globalThis because Next may load this
// module more than once (instrumentation and route bundles).
const slot = globalThis as unknown as { __caisseWebhookWorker?: Promise<Worker> };

/** Starts this process's worker on the app database (idempotent). */
export function startWebhookWorker(opts: WorkerOptions = {}): Promise<Worker> {
  slot.__caisseWebhookWorker ??= import('@/db/client').then(async ({ getDb }) => createWorker(await getDb(), opts));
  return slot.__caisseWebhookWorker;
}

/** Stops this process's worker, waiting for deliveries in flight to be recorded. */
export async function stop(): Promise<void> {
  const worker = slot.__caisseWebhookWorker;
  slot.__caisseWebhookWorker = undefined;
  if (worker) await (await worker).stop();
}
