import type { Db } from '@/db/client';
import { findEvent, removePendingWebhook } from '@/db/queries/events';
import { recordDeliveryAttempt, settleDelivery } from '@/db/queries/webhook-deliveries';
import { findWebhookEndpoint, lockWebhookEndpoint, recordEndpointHealth } from '@/db/queries/webhook-endpoints';
import { env } from '@/lib/env';
import { metrics } from '@/lib/metrics/metrics';
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
export { sqlNow } from '@/db/sql-now';

/** Sends one claimed delivery and records what happened. */
export async function deliverClaimed(db: Db, claim: Claim, opts: DeliverOptions = {}): Promise<DeliveryOutcome> {
  const event = await findEvent(db, { accountId: claim.accountId, id: claim.eventId });
  // A deleted endpoint is not found.
  const endpoint = await findWebhookEndpoint(db, { accountId: claim.accountId, id: claim.endpointId });
  // Disabled or deleted since the event was written: nothing is sent, and the
  // delivery is given up rather than kept pending for an endpoint that is off.
  if (!event || !endpoint || endpoint.status !== 'enabled') return settle(db, claim, null, opts);

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
  const { now } = opts;
  const scope = { accountId: claim.accountId };
  const ok = result?.statusCode != null && result.statusCode >= 200 && result.statusCode < 300;
  const attempts = claim.attemptCount + (result ? 1 : 0);
  const delay = ok || !result ? null : retryDelayMs(attempts, opts.random ?? Math.random);
  const status = ok ? 'succeeded' : delay === null ? 'failed' : 'pending';

  const outcome = await db.transaction(async (tx): Promise<DeliveryOutcome> => {
    // The endpoint first, as deleting an endpoint locks it before its deliveries: one lock order, no deadlock.
    await lockWebhookEndpoint(tx, { ...scope, id: claim.endpointId });
    if (result) {
      await recordDeliveryAttempt(tx, {
        id: `wha_${randomBase62(24)}`,
        deliveryId: claim.id,
        now,
        statusCode: result.statusCode,
        latencyMs: result.latencyMs,
        responseExcerpt: result.responseExcerpt,
        error: result.error,
      });
    }
    const settled = await settleDelivery(tx, {
      ...scope,
      id: claim.id,
      lockToken: claim.lockToken,
      status,
      attemptCount: attempts,
      ...(result && { lastStatusCode: result.statusCode }),
      retryInMs: delay,
      now,
    });
    if (!settled) return 'lost_claim';

    if (status !== 'pending') await removePendingWebhook(tx, { ...scope, eventId: claim.eventId });
    // An endpoint that has failed every delivery for three days is switched off
    // (the merchant re-enables it); one success resets the clock.
    if (result) await recordEndpointHealth(tx, { ...scope, id: claim.endpointId, ok, disabledReason: DISABLED_REASON, now });
    return ok ? 'succeeded' : status === 'failed' ? 'failed' : 'retrying';
  });
  // Counted once committed.
  metrics().webhookDeliveries.inc({ outcome });
  return outcome;
}
