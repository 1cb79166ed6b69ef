import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { env } from '@/lib/env';
import { randomBase62 } from '@/lib/util/ids';
import { eventPayload } from './event-payload';
import { postWebhook, type PostResult } from './http-post';
import { retryDelayMs } from './schedule';
import { activeSecrets, signatureHeaders } from './sign';
import '@/lib/security/sealed-columns';

export const USER_AGENT = 'Caisse/1.0 (+webhooks)';
export const DELIVERY_TIMEOUT_MS = 10_000;
export const DISABLED_REASON = 'failing for 3 days';

/** A delivery this worker holds; `lockToken` is its locked_until as text, which proves the claim is still ours. */
export type Claim = { id: string; accountId: string; eventId: string; endpointId: string; attemptCount: number; lockToken: string };

export type DeliverOptions = {
  // The scheduling clock (due times, claims, failing_since). Absent: the
  // database's now(), one clock for every app process on the database.
  now?: Date;
  random?: () => number;
  allowPrivateNetworks?: boolean;
  timeoutMs?: number;
};

export type DeliveryOutcome = 'succeeded' | 'retrying' | 'failed' | 'lost_claim';

/** `now` as SQL: the injected instant, else the database clock. */
export function sqlNow(now?: Date): SQL {
  return now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
}

/** Sends one claimed delivery and records what happened. */
export async function deliverClaimed(db: Db, claim: Claim, opts: DeliverOptions = {}): Promise<DeliveryOutcome> {
  const event = (
    await db
      .select()
      .from(events)
      .where(and(eq(events.id, claim.eventId), eq(events.accountId, claim.accountId)))
  ).at(0);
  const endpoint = (
    await db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, claim.endpointId), eq(webhookEndpoints.accountId, claim.accountId)))
  ).at(0);
  // Disabled or deleted since the event was written: nothing is sent, and the
  // delivery is given up rather than kept pending for an endpoint that is off.
  if (!event || !endpoint || endpoint.deleted || endpoint.status !== 'enabled') return settle(db, claim, null, opts);

  const body = await eventPayload(db, event);
  // Signature time is the wall clock at sending: receivers check it against theirs.
  const sentAt = new Date();
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': USER_AGENT,
    ...signatureHeaders({
      eventId: event.id,
      body,
      secrets: activeSecrets(endpoint, sentAt),
      timestamp: Math.floor(sentAt.getTime() / 1000),
    }),
  };
  const result = await postWebhook(endpoint.url, body, headers, {
    timeoutMs: opts.timeoutMs ?? DELIVERY_TIMEOUT_MS,
    allowPrivateNetworks: opts.allowPrivateNetworks ?? env().WEBHOOK_ALLOW_PRIVATE_NETWORKS,
  });
  return settle(db, claim, result, opts);
}

/**
 * Records the attempt and moves the delivery on, in one transaction. Every
 * write to the delivery is conditional on our claim: if it expired and
 * another worker took the delivery over, that worker owns the outcome and
 * this one only leaves its attempt in the history.
 */
async function settle(db: Db, claim: Claim, result: PostResult | null, opts: DeliverOptions): Promise<DeliveryOutcome> {
  const now = sqlNow(opts.now);
  const ok = result?.statusCode != null && result.statusCode >= 200 && result.statusCode < 300;
  const attempts = claim.attemptCount + (result ? 1 : 0);
  const delay = ok || !result ? null : retryDelayMs(attempts, opts.random ?? Math.random);
  const status = ok ? 'succeeded' : delay === null ? 'failed' : 'pending';

  return db.transaction(async (tx) => {
    // The endpoint first, as deleting an endpoint locks it before its deliveries: one lock order, no deadlock.
    await tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.id, claim.endpointId)).for('update');
    if (result) {
      await tx.insert(webhookAttempts).values({
        id: `wha_${randomBase62(24)}`,
        deliveryId: claim.id,
        attemptedAt: now,
        statusCode: result.statusCode,
        latencyMs: result.latencyMs,
        responseExcerpt: result.responseExcerpt,
        error: result.error,
      });
    }
    const updated = await tx
      .update(webhookDeliveries)
      .set({
        status,
        attemptCount: attempts,
        lockedUntil: null,
        ...(result && { lastStatusCode: result.statusCode }),
        ...(delay !== null && { nextAttemptAt: sql`${now} + ${delay}::double precision * interval '1 millisecond'` }),
      })
      .where(
        and(
          eq(webhookDeliveries.id, claim.id),
          eq(webhookDeliveries.status, 'pending'),
          sql`${webhookDeliveries.lockedUntil} = ${claim.lockToken}::timestamptz`,
        ),
      )
      .returning({ id: webhookDeliveries.id });
    if (updated.length === 0) return 'lost_claim';

    if (status !== 'pending') {
      await tx
        .update(events)
        .set({ pendingWebhooks: sql`greatest(${events.pendingWebhooks} - 1, 0)` })
        .where(eq(events.id, claim.eventId));
    }
    if (result) await recordHealth(tx, claim.endpointId, ok, now);
    return ok ? 'succeeded' : status === 'failed' ? 'failed' : 'retrying';
  });
}

/**
 * An endpoint that has failed every delivery for three days is switched off
 * (the merchant re-enables it); one success resets the clock. Column
 * references in SET read the row as it was, so the check uses the old
 * failing_since.
 */
async function recordHealth(tx: Tx, endpointId: string, ok: boolean, now: SQL) {
  if (ok) {
    await tx
      .update(webhookEndpoints)
      .set({ failingSince: null })
      .where(and(eq(webhookEndpoints.id, endpointId), sql`${webhookEndpoints.failingSince} is not null`));
    return;
  }
  const expired = sql`(${webhookEndpoints.failingSince} < ${now} - interval '3 days' and ${webhookEndpoints.status} = 'enabled')`;
  await tx
    .update(webhookEndpoints)
    .set({
      failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now})`,
      status: sql`case when ${expired} then 'disabled' else ${webhookEndpoints.status} end`,
      disabledReason: sql`case when ${expired} then ${DISABLED_REASON} else ${webhookEndpoints.disabledReason} end`,
    })
    .where(eq(webhookEndpoints.id, endpointId));
}
