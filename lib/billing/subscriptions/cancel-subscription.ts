import type { Tx } from '@/db/client';
import { openInvoicesOfSubscription, updateInvoiceIf } from '@/db/queries/invoices';
import { lockSubscription, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { StoredCancellationDetails } from '@/db/schema';
import { invalidRequest, noSuchObject } from '@/lib/api/errors';
import { recordEvent } from '@/lib/events/record-event';
import { unixOrNull } from '@/lib/util/time';
import { invoiceObject } from '../invoices/invoice-reads';
import { changeSubscription } from './update-subscription';

/**
 * Canceling a subscription, now or at the end of its period (DELETE /v1/subscriptions/:id, an update's
 * cancel_at_period_end, and the dashboard). Both lock the subscription first and change it only while,
 * under that lock, it is still live: canceled and incomplete_expired are final. The change and its event
 * (with previous_attributes) go through changeSubscription.
 */

export const LIVE_SUBSCRIPTION_STATUSES: readonly SubscriptionRow['status'][] = [
  'incomplete',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'paused',
];

const NO_DETAILS: StoredCancellationDetails = { comment: null, feedback: null, reason: null };

type CancellationReason = NonNullable<StoredCancellationDetails['reason']>;

async function lockOrThrow(tx: Tx, sub: SubscriptionRow): Promise<SubscriptionRow> {
  const locked = await lockSubscription(tx, { accountId: sub.accountId, id: sub.id });
  if (!locked) throw noSuchObject('subscription', sub.id);
  return locked;
}

const isLive = (sub: SubscriptionRow) => LIVE_SUBSCRIPTION_STATUSES.includes(sub.status);

/**
 * Cancel at the end of the current period (true), or take that back (false). As Stripe does, the
 * subscription runs on until then; `cancel_at` becomes the period's end, `canceled_at` the time of the
 * request and the reason `cancellation_requested`, and taking it back clears the three. Records
 * `customer.subscription.updated`; asking for what is already so changes nothing and records nothing.
 */
export async function setCancelAtPeriodEnd(tx: Tx, sub: SubscriptionRow, value: boolean, now: Date): Promise<SubscriptionRow> {
  const locked = await lockOrThrow(tx, sub);
  if (!isLive(locked)) throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.');
  if (locked.cancelAtPeriodEnd === value) return locked;
  const details = locked.cancellationDetails ?? NO_DETAILS;
  return changeSubscription(
    tx,
    locked,
    value
      ? {
          cancelAtPeriodEnd: true,
          cancelAt: locked.currentPeriodEnd,
          canceledAt: now,
          cancellationDetails: { ...details, reason: 'cancellation_requested' },
        }
      : { cancelAtPeriodEnd: false, cancelAt: null, canceledAt: null, cancellationDetails: { ...details, reason: null } },
  );
}

/**
 * Cancel now: the subscription ends at `now` (status canceled, canceled_at and ended_at, the reason
 * `cancellation_requested` unless another is given), and its open invoices are no longer collected
 * automatically, as Stripe stops collecting once a subscription is canceled. A subscription that has
 * ended already is gone for this purpose: 404, as Stripe answers. Records `customer.subscription.deleted`.
 * Caisse makes no final or proration invoice on cancellation yet, so `invoiceNow` and `prorate` are
 * refused rather than ignored.
 */
export async function cancelSubscriptionNow(
  tx: Tx,
  sub: SubscriptionRow,
  p: { now: Date; invoiceNow?: boolean; prorate?: boolean; reason?: CancellationReason },
): Promise<SubscriptionRow> {
  if (p.invoiceNow) throw invalidRequest('invoice_now is not supported: Caisse makes no final invoice when canceling.', 'invoice_now');
  if (p.prorate) throw invalidRequest('prorate is not supported: Caisse makes no proration when canceling.', 'prorate');
  const locked = await lockOrThrow(tx, sub);
  if (!isLive(locked)) throw noSuchObject('subscription', sub.id);
  const canceled = await changeSubscription(
    tx,
    locked,
    {
      status: 'canceled',
      canceledAt: p.now,
      endedAt: p.now,
      cancellationDetails: { ...(locked.cancellationDetails ?? NO_DETAILS), reason: p.reason ?? 'cancellation_requested' },
    },
    'customer.subscription.deleted',
  );
  await stopCollecting(tx, canceled);
  return canceled;
}

/** The canceled subscription's open invoices stay open (still owed), but nothing tries to charge them any more. */
async function stopCollecting(tx: Tx, sub: SubscriptionRow): Promise<void> {
  for (const invoice of await openInvoicesOfSubscription(tx, { accountId: sub.accountId, subscriptionId: sub.id })) {
    if (!invoice.autoAdvance && invoice.nextPaymentAttempt === null) continue;
    const stopped = await updateInvoiceIf(tx, {
      accountId: invoice.accountId,
      id: invoice.id,
      from: ['open'],
      set: { autoAdvance: false, nextPaymentAttempt: null },
    });
    if (!stopped) continue;
    await recordEvent(tx, {
      accountId: stopped.accountId,
      type: 'invoice.updated',
      object: await invoiceObject(tx, stopped),
      previousAttributes: {
        ...(invoice.autoAdvance ? { auto_advance: true } : {}),
        ...(invoice.nextPaymentAttempt ? { next_payment_attempt: unixOrNull(invoice.nextPaymentAttempt) } : {}),
      },
    });
  }
}
