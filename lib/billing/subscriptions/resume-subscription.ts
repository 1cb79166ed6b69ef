import type { Db, Tx } from '@/db/client';
import type { SubscriptionChanges, SubscriptionRow } from '@/db/queries/subscriptions';
import type { AccountScope, ScopeRequest } from '@/db/scope';
import { lockSubscriptionOrThrow } from '@/lib/api/get-or-throw';
import type { ResumeSubscriptionParams } from '@/lib/validation/subscriptions';
import { billingNow } from '../clock';
import { periodAt, type Recurrence } from '../periods';
import { itemViews, subscriptionObject } from '../subscription-reads';
import { notPaused, resumeNeedsNoProration } from './subscription-errors';
import { changeSubscription } from './update-subscription';

/** The subscription's recurrence: its items' prices all recur alike (checkout accepts no mix). */
async function recurrenceOf(tx: Tx, sub: SubscriptionRow): Promise<Recurrence> {
  const recurring = (await itemViews(tx, sub.accountId, [sub])).get(sub.id)?.at(0)?.price.recurring;
  if (!recurring) throw new Error(`resumeSubscription: subscription ${sub.id} has no recurring item`);
  return { interval: recurring.interval, intervalCount: recurring.interval_count };
}

/**
 * Resumes a paused subscription (the caller holds its lock and gives the subscription's time):
 * `billing_cycle_anchor=now` (Stripe's default) starts a new cycle now, which the renewal at that moment
 * bills; `unchanged` goes on with the cycle it had, its current period not billed, which is Stripe's
 * `proration_behavior=none` (prorating the rest of the period is not built, so it must be asked for).
 * Records `customer.subscription.resumed`.
 */
export async function resumeSubscription(
  tx: Tx,
  sub: SubscriptionRow,
  p: {
    now: Date;
    billingCycleAnchor?: 'now' | 'unchanged';
    prorationBehavior?: 'always_invoice' | 'create_prorations' | 'none';
    request?: ScopeRequest;
  },
): Promise<SubscriptionRow> {
  if (sub.status !== 'paused') throw notPaused();
  let set: SubscriptionChanges;
  if ((p.billingCycleAnchor ?? 'now') === 'now') {
    set = { status: 'active', billingCycleAnchor: p.now, currentPeriodStart: p.now, currentPeriodEnd: p.now };
  } else {
    if (p.prorationBehavior !== 'none') throw resumeNeedsNoProration();
    const period =
      p.now < sub.billingCycleAnchor
        ? { start: p.now, end: sub.billingCycleAnchor }
        : periodAt(sub.billingCycleAnchor, await recurrenceOf(tx, sub), p.now);
    set = { status: 'active', currentPeriodStart: period.start, currentPeriodEnd: period.end };
  }
  return changeSubscription(tx, sub, set, 'customer.subscription.resumed', p.request);
}

/** POST /v1/subscriptions/:id/resume, at the subscription's own time (its test clock's, if it has one). */
export async function resumeSubscriptionById(db: Db, scope: AccountScope & { id: string }, p: ResumeSubscriptionParams) {
  return db.transaction(async (tx) => {
    const sub = await lockSubscriptionOrThrow(tx, scope);
    const resumed = await resumeSubscription(tx, sub, {
      now: await billingNow(tx, sub),
      billingCycleAnchor: p.billing_cycle_anchor,
      prorationBehavior: p.proration_behavior,
      request: scope.request,
    });
    return subscriptionObject(tx, resumed);
  });
}
