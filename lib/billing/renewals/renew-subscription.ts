import type { Tx } from '@/db/client';
import type { SubscriptionRow } from '@/db/queries/subscriptions';
import { periodAt, type Recurrence } from '@/lib/billing/periods';
import { unix } from '@/lib/util/time';
import { announceNewInvoice } from '../invoices/announce-invoice';
import { itemViews } from '../subscription-reads';
import { changeSubscription } from '../subscriptions/update-subscription';
import { createCycleInvoice } from './cycle-invoice';

/** The statuses whose periods keep turning (and get invoiced): a canceled, incomplete or paused one's do not. */
export const RENEWING_STATUSES = ['active', 'trialing', 'past_due', 'unpaid'] as const satisfies SubscriptionRow['status'][];

const renews = (sub: SubscriptionRow) => (RENEWING_STATUSES as readonly string[]).includes(sub.status);

/** The subscription ends at `at`: canceled, with `customer.subscription.deleted`. */
export async function endSubscription(
  tx: Tx,
  sub: SubscriptionRow,
  at: Date,
  reason: 'cancellation_requested' | null,
): Promise<SubscriptionRow> {
  return changeSubscription(
    tx,
    sub,
    {
      status: 'canceled',
      endedAt: at,
      canceledAt: sub.canceledAt ?? at,
      cancelAtPeriodEnd: false,
      cancellationDetails: {
        comment: sub.cancellationDetails?.comment ?? null,
        feedback: sub.cancellationDetails?.feedback ?? null,
        reason,
      },
    },
    'customer.subscription.deleted',
  );
}

/**
 * What happens when a subscription's period ends (the caller holds its lock and its clock says the end
 * has come): it ends if it was to end then; a trial without a card ends as the session asked (cancel or
 * pause); otherwise the next period begins, invoiced in advance (`subscription_cycle`, due now, or as
 * pause_collection asks). Exactly once per period: the period end is re-checked under the lock and the
 * invoice is unique per subscription and period.
 */
export async function renewSubscription(tx: Tx, sub: SubscriptionRow, now: Date): Promise<'renewed' | 'ended' | 'paused' | 'not_due'> {
  if (!renews(sub) || sub.currentPeriodEnd > now) return 'not_due';
  const boundary = sub.currentPeriodEnd;
  if (sub.cancelAtPeriodEnd || (sub.cancelAt && sub.cancelAt <= boundary)) {
    await endSubscription(tx, sub, boundary, 'cancellation_requested');
    return 'ended';
  }
  const trialEnds = sub.status === 'trialing';
  if (trialEnds && !sub.defaultPaymentMethodId && sub.trialEndBehavior === 'cancel') {
    await endSubscription(tx, sub, boundary, null);
    return 'ended';
  }
  if (trialEnds && !sub.defaultPaymentMethodId && sub.trialEndBehavior === 'pause') {
    await changeSubscription(tx, sub, { status: 'paused' }, 'customer.subscription.paused');
    return 'paused';
  }
  const views = (await itemViews(tx, sub.accountId, [sub])).get(sub.id) ?? [];
  const r = views.at(0)?.price.recurring;
  if (!r) throw new Error(`renewSubscription: subscription ${sub.id} has no recurring item`);
  const recurrence: Recurrence = { interval: r.interval, intervalCount: r.interval_count };
  const next = periodAt(sub.billingCycleAnchor, recurrence, boundary);
  // A pause that has run its course no longer holds the invoice back.
  const pause =
    sub.pauseCollection && (sub.pauseCollection.resumes_at === null || sub.pauseCollection.resumes_at > unix(boundary))
      ? sub.pauseCollection
      : null;
  // A discount that has run its course no longer applies.
  const discount = sub.discount && (sub.discount.end === null || sub.discount.end > unix(boundary)) ? sub.discount : null;
  const current = { ...sub, discount, pauseCollection: pause };
  const invoice = await createCycleInvoice(tx, {
    sub: current,
    views,
    from: boundary,
    to: next.end,
    period: { start: sub.currentPeriodStart, end: boundary },
    disposition: pause ? DISPOSITION[pause.behavior] : 'open',
    now: boundary,
  });
  if (!invoice) throw new Error(`renewSubscription: the period of ${sub.id} ending ${boundary.toISOString()} was invoiced already`);
  await changeSubscription(tx, sub, {
    currentPeriodStart: boundary,
    currentPeriodEnd: next.end,
    latestInvoiceId: invoice.id,
    discount,
    pauseCollection: pause,
    ...(trialEnds ? { status: 'active' as const } : {}),
  });
  await announceNewInvoice(tx, invoice);
  return 'renewed';
}

const DISPOSITION = { keep_as_draft: 'draft', mark_uncollectible: 'uncollectible', void: 'void' } as const;
