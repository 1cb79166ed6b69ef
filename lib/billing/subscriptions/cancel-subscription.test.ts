import { describe, expect, it } from 'vitest';
import { findCustomer } from '@/db/queries/customers';
import { pendingInvoiceItemsOf } from '@/db/queries/invoice-items';
import { findInvoice, invoiceLines } from '@/db/queries/invoices';
import { findSubscription } from '@/db/queries/subscriptions';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { eventsOf } from '@/lib/payments/testing/paid-charge';
import { present } from '@/lib/util/present';
import { unix } from '@/lib/util/time';
import { subscribe } from '../testing/subscribed';
import { unpaidRenewal } from '../testing/unpaid-renewal';
import { cancelSubscriptionNow, setCancelAtPeriodEnd } from './cancel-subscription';
import { billBeforeCancel } from './final-invoice';
import { refusal } from '@/lib/api/testing/refusal';

const db = useCheckoutDatabase('caisse_cancel_subscription');

const PAID_AT = new Date('2026-03-10T09:00:00Z');
const LATER = new Date('2026-03-20T12:00:00Z');
const NO_DETAILS = { comment: null, feedback: null, reason: null };

async function subscribed() {
  const { shop, subscriptionId } = await subscribe(db(), { now: PAID_AT });
  return { subscription: present(await findSubscription(db(), { accountId: shop.accountId, id: subscriptionId }), 'the subscription') };
}

const reread = async (sub: { accountId: string; id: string }) => present(await findSubscription(db(), sub), 'the subscription');

const subscriptionEvents = async (accountId: string) =>
  (await eventsOf(db(), accountId)).filter(
    (e) => e.type.startsWith('customer.subscription.') && e.type !== 'customer.subscription.created',
  );

describe('setCancelAtPeriodEnd', () => {
  it('cancel at period end → it keeps running until then, cancel_at is the period’s end; taking it back clears it; each change is one event', async () => {
    const { subscription } = await subscribed();
    const set = await db().transaction((tx) => setCancelAtPeriodEnd(tx, subscription, true, LATER));
    expect(set).toMatchObject({
      status: 'active',
      cancelAtPeriodEnd: true,
      cancelAt: subscription.currentPeriodEnd,
      canceledAt: LATER,
      cancellationDetails: { ...NO_DETAILS, reason: 'cancellation_requested' },
      endedAt: null,
    });
    expect(await reread(subscription)).toEqual(set);

    // Asked again: nothing changes, no event.
    await db().transaction((tx) => setCancelAtPeriodEnd(tx, subscription, true, LATER));

    const undone = await db().transaction((tx) => setCancelAtPeriodEnd(tx, set, false, LATER));
    expect(undone).toMatchObject({
      status: 'active',
      cancelAtPeriodEnd: false,
      cancelAt: null,
      canceledAt: null,
      cancellationDetails: NO_DETAILS,
    });

    const events = await subscriptionEvents(subscription.accountId);
    expect(events.map((e) => e.type)).toEqual(['customer.subscription.updated', 'customer.subscription.updated']);
    expect(events[0].object).toMatchObject({
      id: subscription.id,
      cancel_at_period_end: true,
      cancel_at: unix(subscription.currentPeriodEnd),
    });
    expect(events[0].previous).toEqual({
      cancel_at: null,
      cancel_at_period_end: false,
      canceled_at: null,
      cancellation_details: NO_DETAILS,
    });
    expect(events[1].object).toMatchObject({ cancel_at_period_end: false, cancel_at: null, canceled_at: null });
    expect(events[1].previous).toEqual({
      cancel_at: unix(subscription.currentPeriodEnd),
      cancel_at_period_end: true,
      canceled_at: unix(LATER),
      cancellation_details: { ...NO_DETAILS, reason: 'cancellation_requested' },
    });
  });

  it('a canceled subscription → 400, unchanged', async () => {
    const { subscription } = await subscribed();
    await db().transaction((tx) => cancelSubscriptionNow(tx, subscription, { now: LATER }));
    const err = await refusal(db().transaction((tx) => setCancelAtPeriodEnd(tx, subscription, true, LATER)));
    expect(err).toMatchObject({ status: 400, message: 'A canceled subscription can only update its cancellation_details and metadata.' });
    expect((await reread(subscription)).cancelAtPeriodEnd).toBe(false);
  });
});

describe('cancelSubscriptionNow', () => {
  it('ends it now: canceled, canceled_at and ended_at, reason cancellation_requested; one customer.subscription.deleted', async () => {
    const { subscription } = await subscribed();
    const canceled = await db().transaction((tx) => cancelSubscriptionNow(tx, subscription, { now: LATER }));
    expect(canceled).toMatchObject({
      status: 'canceled',
      canceledAt: LATER,
      endedAt: LATER,
      cancellationDetails: { ...NO_DETAILS, reason: 'cancellation_requested' },
    });
    expect(await reread(subscription)).toEqual(canceled);
    const events = await subscriptionEvents(subscription.accountId);
    expect(events.map((e) => e.type)).toEqual(['customer.subscription.deleted']);
    expect(events[0].object).toMatchObject({ id: subscription.id, status: 'canceled', ended_at: unix(LATER), canceled_at: unix(LATER) });
    expect(events[0].previous).toBeUndefined();
  });

  it('twice → the second is 404 resource_missing, as for a subscription that is gone, and records nothing', async () => {
    const { subscription } = await subscribed();
    await db().transaction((tx) => cancelSubscriptionNow(tx, subscription, { now: LATER }));
    const err = await refusal(db().transaction((tx) => cancelSubscriptionNow(tx, subscription, { now: LATER })));
    expect(err).toMatchObject({ status: 404, code: 'resource_missing', message: `No such subscription: '${subscription.id}'` });
    expect((await subscriptionEvents(subscription.accountId)).map((e) => e.type)).toEqual(['customer.subscription.deleted']);
  });

  it('two cancellations at once → one wins, the other is 404; one event', async () => {
    const { subscription } = await subscribed();
    const outcomes = await Promise.allSettled([
      db().transaction((tx) => cancelSubscriptionNow(tx, subscription, { now: LATER })),
      db().transaction((tx) => cancelSubscriptionNow(tx, subscription, { now: LATER })),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')?.reason).toMatchObject({ status: 404 });
    expect((await subscriptionEvents(subscription.accountId)).map((e) => e.type)).toEqual(['customer.subscription.deleted']);
  });

  it('its unpaid renewal invoice stays open but is no longer retried (auto_advance false, no next attempt, invoice.updated)', async () => {
    const { subscription, invoice, trialEnd } = await unpaidRenewal(db(), PAID_AT);
    expect(subscription.status).toBe('past_due');
    expect(invoice).toMatchObject({ status: 'open', autoAdvance: true });
    const retry = present(invoice.nextPaymentAttempt, 'the scheduled retry');
    await db().transaction((tx) => cancelSubscriptionNow(tx, subscription, { now: trialEnd }));
    expect(await findInvoice(db(), invoice)).toMatchObject({ status: 'open', autoAdvance: false, nextPaymentAttempt: null });
    const updated = (await eventsOf(db(), subscription.accountId)).filter((e) => e.type === 'invoice.updated');
    expect(updated).toHaveLength(1);
    expect(updated[0].object).toMatchObject({ id: invoice.id, status: 'open', auto_advance: false, next_payment_attempt: null });
    expect(updated[0].previous).toEqual({ auto_advance: true, next_payment_attempt: unix(retry) });
  });

  it('prorate and invoice_now → the unused 501 of 744 hours credited on a final invoice, paid from that credit, the rest on the customer’s balance', async () => {
    const { subscription } = await subscribed();
    const { invoice, canceled } = await db().transaction(async (tx) => {
      const finalInvoice = await billBeforeCancel(tx, subscription, { now: LATER, prorate: true, invoiceNow: true });
      return { invoice: finalInvoice, canceled: await cancelSubscriptionNow(tx, subscription, { now: LATER, finalInvoice }) };
    });
    // Paid Mar 10 09:00 for a month (744 hours); canceled Mar 20 12:00, 501 hours before the period's end.
    const credit = -Math.round((900 * 501) / 744);
    expect(invoice).toMatchObject({
      status: 'paid',
      billingReason: 'subscription_update',
      total: credit,
      amountDue: 0,
      endingBalance: credit,
    });
    expect(canceled).toMatchObject({ status: 'canceled', latestInvoiceId: present(invoice, 'the final invoice').id });
    const lines = await invoiceLines(db(), { accountId: subscription.accountId, invoiceId: present(invoice, 'the final invoice').id });
    expect(lines.map((l) => [l.amount, l.proration, (l.description ?? '').replace(/ after .*/, '')])).toEqual([
      [credit, true, 'Unused time on 1 × Ticket'],
    ]);
    expect((await findCustomer(db(), { accountId: subscription.accountId, id: subscription.customerId }))?.balance).toBe(credit);
  });

  it('prorate alone → the credit waits as a pending invoice item; invoice_now with nothing pending → no invoice', async () => {
    const { subscription } = await subscribed();
    const invoice = await db().transaction(async (tx) => {
      const finalInvoice = await billBeforeCancel(tx, subscription, { now: LATER, prorate: true });
      await cancelSubscriptionNow(tx, subscription, { now: LATER, finalInvoice });
      return finalInvoice;
    });
    expect(invoice).toBeNull();
    expect((await pendingInvoiceItemsOf(db(), subscription.id, { lock: false })).map((i) => [i.amount, i.proration])).toEqual([
      [-Math.round((900 * 501) / 744), true],
    ]);
    const other = (await subscribed()).subscription;
    expect(await db().transaction((tx) => billBeforeCancel(tx, other, { now: LATER, invoiceNow: true }))).toBeNull();
  });
});
