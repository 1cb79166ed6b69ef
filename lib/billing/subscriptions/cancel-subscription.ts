import type { Db, Tx } from '@/db/client';
import { lockFreeOpenInvoicesOfSubscription } from '@/db/queries/invoices';
import type { InvoiceRow } from '@/db/queries/invoices';
import { findSubscription, lockSubscription, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { StoredCancellationDetails } from '@/db/schema';
import type { AccountScope, ScopeRequest } from '@/db/scope';
import { noSuchObject } from '@/lib/api/errors';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { announceNewInvoice } from '../invoices/announce-invoice';
import { billBeforeCancel } from './final-invoice';
import { chargeChangeInvoice } from './change-items';
import { lockSubscriptionOrThrow } from '@/lib/api/get-or-throw';
import type { CancelSubscriptionParams } from '@/lib/validation/subscriptions';
import { billingNow } from '../clock';
import { changeInvoice } from '../invoices/update-invoice';
import { subscriptionObject } from '../subscription-reads';
import { cancelAtPeriodEndChanges, withCancellationDetails, type CancellationDetailsInput } from './cancellation-changes';
import { canceledSubscriptionFrozen } from './subscription-errors';
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

type CancellationReason = NonNullable<StoredCancellationDetails['reason']>;

async function lockOrThrow(tx: Tx, sub: SubscriptionRow): Promise<SubscriptionRow> {
  const locked = await lockSubscription(tx, { accountId: sub.accountId, id: sub.id });
  if (!locked) throw noSuchObject('subscription', sub.id);
  return locked;
}

export const isLive = (sub: Pick<SubscriptionRow, 'status'>) => LIVE_SUBSCRIPTION_STATUSES.includes(sub.status);

/**
 * Cancel at the end of the current period (true), or take that back (false). As Stripe does, the
 * subscription runs on until then; `cancel_at` becomes the period's end, `canceled_at` the time of the
 * request and the reason `cancellation_requested`, and taking it back clears the three. Records
 * `customer.subscription.updated`; asking for what is already so changes nothing and records nothing.
 */
export async function setCancelAtPeriodEnd(
  tx: Tx,
  sub: SubscriptionRow,
  value: boolean,
  now: Date,
  request?: ScopeRequest,
  /** The customer's reason (the portal's), as `cancellation_details[feedback]` of the same update. */
  feedback?: StoredCancellationDetails['feedback'],
): Promise<SubscriptionRow> {
  const locked = await lockOrThrow(tx, sub);
  if (!isLive(locked)) throw canceledSubscriptionFrozen();
  if (locked.cancelAtPeriodEnd === value) return locked;
  const changes = cancelAtPeriodEndChanges(locked, value, now);
  if (feedback !== undefined)
    changes.cancellationDetails = withCancellationDetails(changes.cancellationDetails ?? null, { feedback }, undefined);
  return changeSubscription(tx, locked, changes, 'customer.subscription.updated', request);
}

/**
 * Cancel now: the subscription ends at `now` (status canceled, canceled_at and ended_at, the reason
 * `cancellation_requested` unless another is given), and its open invoices are no longer collected
 * automatically, as Stripe stops collecting once a subscription is canceled; `details` are the merchant's
 * comment and the customer's feedback. A subscription that has ended already is gone for this purpose:
 * 404, as Stripe answers. Records `customer.subscription.deleted`. `finalInvoice` (billBeforeCancel's)
 * becomes the latest invoice and is the one open invoice still collected.
 */
export async function cancelSubscriptionNow(
  tx: Tx,
  sub: SubscriptionRow,
  p: {
    now: Date;
    reason?: CancellationReason;
    details?: CancellationDetailsInput;
    finalInvoice?: InvoiceRow | null;
    request?: ScopeRequest;
  },
): Promise<SubscriptionRow> {
  const locked = await lockOrThrow(tx, sub);
  if (!isLive(locked)) throw noSuchObject('subscription', sub.id);
  const canceled = await changeSubscription(
    tx,
    locked,
    {
      status: 'canceled',
      canceledAt: p.now,
      endedAt: p.now,
      cancellationDetails: withCancellationDetails(locked.cancellationDetails, p.details, p.reason ?? 'cancellation_requested'),
      ...(p.finalInvoice ? { latestInvoiceId: p.finalInvoice.id } : {}),
    },
    'customer.subscription.deleted',
    p.request,
  );
  await stopCollecting(tx, canceled, p.finalInvoice?.id ?? null, p.request);
  return canceled;
}

/**
 * The canceled subscription's open invoices stay open (still owed), but nothing tries to charge them any
 * more. The caller holds the subscription's lock, and recording a payment locks an invoice, then its
 * subscription: an invoice whose payment is being recorded right now is skipped rather than waited for
 * (which could deadlock), and left to that payment's outcome.
 */
async function stopCollecting(tx: Tx, sub: SubscriptionRow, keep: string | null, request: ScopeRequest | undefined): Promise<void> {
  for (const invoice of await lockFreeOpenInvoicesOfSubscription(tx, { accountId: sub.accountId, subscriptionId: sub.id }))
    if (invoice.id !== keep) await changeInvoice(tx, invoice, { autoAdvance: false, request });
}

/**
 * DELETE /v1/subscriptions/:id: cancels it now, at the subscription's own time (its test clock's, if it has
 * one), with `prorate`'s credit and `invoice_now`'s final invoice (billBeforeCancel), which is charged with
 * the saved card once the cancellation has committed, as a change's invoice is.
 */
export async function cancelSubscriptionById(
  db: Db,
  scope: AccountScope & { id: string },
  p: CancelSubscriptionParams,
  processor?: PaymentProcessor,
) {
  const done = await db.transaction(async (tx) => {
    const sub = await lockSubscriptionOrThrow(tx, scope);
    if (!isLive(sub)) throw noSuchObject('subscription', sub.id);
    const now = await billingNow(tx, sub);
    const finalInvoice = await billBeforeCancel(tx, sub, { now, prorate: p.prorate, invoiceNow: p.invoice_now, request: scope.request });
    const canceled = await cancelSubscriptionNow(tx, sub, { now, details: p.cancellation_details, finalInvoice, request: scope.request });
    if (finalInvoice) await announceNewInvoice(tx, finalInvoice);
    return { canceled, invoice: finalInvoice, now };
  });
  await chargeChangeInvoice(db, done, processor);
  return subscriptionObject(db, done.invoice ? ((await findSubscription(db, scope)) ?? done.canceled) : done.canceled);
}
