import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { findInvoice } from '@/db/queries/invoices';
import { findPaymentIntent } from '@/db/queries/payment-intents';
import { findSubscription } from '@/db/queries/subscriptions';
import { invoices } from '@/db/schema';
import { parseParams } from '@/lib/api/parse-params';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { STRIPE_DECLINES } from '@/lib/payments/decline-messages';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { eventsOf } from '@/lib/payments/testing/paid-charge';
import { present } from '@/lib/util/present';
import { payInvoiceSchema } from '@/lib/validation/invoices';
import { runDueBilling } from '../renewals/run-due-billing';
import { subscribe } from '../testing/subscribed';
import { unpaidRenewal } from '../testing/unpaid-renewal';
import { invoicePayments } from './invoice-payments';
import { markInvoiceUncollectibleById } from './mark-uncollectible';
import { payInvoiceById } from './pay-invoice-by-id';
import { voidInvoiceById } from './void-invoice';
import { refusal } from '@/lib/api/testing/refusal';

const db = useCheckoutDatabase('caisse_pay_invoice_by_id');

const BOUGHT_AT = new Date('2026-05-02T10:00:00Z');

/** A bank that declines every off-session charge once, whatever the card. */
const decliningOnce: PaymentProcessor = {
  ...testProcessor,
  chargeSaved: ({ card }) => Promise.resolve({ status: 'failed', card, decline: { ...STRIPE_DECLINES.generic_decline } }),
};

/** A subscription paid by a good card whose first renewal the bank declined: the invoice left open, the card still good. */
async function renewalDeclinedOnce(database: Db) {
  const { shop, subscriptionId } = await subscribe(database, { now: BOUGHT_AT });
  const scope = { accountId: shop.accountId };
  const sub = present(await findSubscription(database, { ...scope, id: subscriptionId }), 'the subscription');
  await runDueBilling(database, { scope: { clock: null }, now: sub.currentPeriodEnd, processor: decliningOnce });
  const [latest] = await database
    .select()
    .from(invoices)
    .where(and(eq(invoices.accountId, scope.accountId), eq(invoices.subscriptionId, subscriptionId)))
    .orderBy(desc(invoices.seq))
    .limit(1);
  return present(latest, 'the renewal invoice');
}

const pay = (invoice: { accountId: string; id: string }, params: Record<string, unknown> = {}) =>
  payInvoiceById(db(), { accountId: invoice.accountId, id: invoice.id }, parseParams(payInvoiceSchema, params));

const types = async (accountId: string) => (await eventsOf(db(), accountId)).map((e) => e.type);

describe('payInvoiceById (POST /v1/invoices/:id/pay)', () => {
  it('a renewal the bank declined, paid again with the good card → paid, one InvoicePayment, the subscription active again; paying twice → 400', async () => {
    const open = await renewalDeclinedOnce(db());
    expect(open).toMatchObject({ status: 'open', attemptCount: 1 });
    const before = await types(open.accountId);
    const paid = await pay(open);
    expect(paid).toMatchObject({ id: open.id, status: 'paid', amount_paid: 900, amount_remaining: 0, attempt_count: 2 });
    const payments = await invoicePayments(db(), { accountId: open.accountId, invoiceId: open.id });
    expect(payments.data).toMatchObject([{ status: 'paid', amount_paid: 900, amount_requested: 900, payment: { type: 'payment_intent' } }]);
    expect((await types(open.accountId)).slice(before.length)).toEqual(
      expect.arrayContaining(['invoice.paid', 'invoice.payment_succeeded', 'customer.subscription.updated']),
    );
    expect(await findSubscription(db(), { accountId: open.accountId, id: present(open.subscriptionId, 'sub') })).toMatchObject({
      status: 'active',
    });
    expect(await refusal(pay(open))).toMatchObject({ status: 400, message: 'Invoice is already paid' });
  });

  it("a card that is declined → Stripe's 402 card error with the payment intent; the invoice stays open, its retry schedule as it was", async () => {
    const { invoice: open } = await unpaidRenewal(db(), BOUGHT_AT);
    const err = await refusal(pay(open));
    expect(err).toMatchObject({ status: 402, type: 'card_error', code: 'card_declined', message: 'Your card was declined.' });
    const body = err.toJSON().error as { payment_intent?: { id: string } };
    expect(body.payment_intent).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });
    expect(present(await findInvoice(db(), open), 'the invoice')).toMatchObject({
      status: 'open',
      attemptCount: open.attemptCount + 1,
      nextPaymentAttempt: open.nextPaymentAttempt,
      paymentIntentId: present(body.payment_intent, 'error.payment_intent').id,
    });
    const payments = await invoicePayments(db(), { accountId: open.accountId, invoiceId: open.id });
    expect(payments.data).toMatchObject([{ status: 'open', amount_paid: null, amount_requested: 900 }]);
  });

  it('paid_out_of_band → paid without a charge, its declined intent canceled, the subscription active again; invoice.paid, no payment_succeeded', async () => {
    const { invoice: open, subscription } = await unpaidRenewal(db(), BOUGHT_AT);
    expect(subscription.status).toBe('past_due');
    const intentId = present(open.paymentIntentId, 'the declined intent');
    const before = await types(open.accountId);
    expect(await pay(open, { paid_out_of_band: 'true' })).toMatchObject({ status: 'paid', amount_paid: 900, amount_remaining: 0 });
    expect(await findPaymentIntent(db(), { accountId: open.accountId, id: intentId })).toMatchObject({
      status: 'canceled',
      cancellationReason: 'automatic',
    });
    expect((await types(open.accountId)).slice(before.length)).toEqual([
      'payment_intent.canceled',
      'invoice.paid',
      'customer.subscription.updated',
    ]);
    expect(await findSubscription(db(), subscription)).toMatchObject({ status: 'active' });
  });

  it('written off as uncollectible → not charged (400), but may be paid out of band; marked twice → 400', async () => {
    const { invoice: open } = await unpaidRenewal(db(), BOUGHT_AT);
    const marked = await markInvoiceUncollectibleById(db(), open);
    expect(marked).toMatchObject({ status: 'uncollectible', next_payment_attempt: null });
    expect(marked.status_transitions.marked_uncollectible_at).not.toBeNull();
    expect((await types(open.accountId)).at(-1)).toBe('invoice.marked_uncollectible');
    expect(await refusal(markInvoiceUncollectibleById(db(), open))).toMatchObject({
      status: 400,
      message: 'You can only mark an invoice that is open as uncollectible; this invoice is uncollectible.',
    });
    expect(await refusal(pay(open))).toMatchObject({ status: 400 });
    expect(await pay(open, { paid_out_of_band: 'true' })).toMatchObject({ status: 'paid', amount_paid: 900 });
  });

  it('voided → "Voided invoices cannot be paid.", even out of band', async () => {
    const { invoice: open } = await unpaidRenewal(db(), BOUGHT_AT);
    expect(await voidInvoiceById(db(), open)).toMatchObject({ status: 'void' });
    for (const params of [{}, { paid_out_of_band: 'true' }])
      expect(await refusal(pay(open, params))).toMatchObject({ status: 400, message: 'Voided invoices cannot be paid.' });
  });

  it("another account's card → 400 naming payment_method (no such PaymentMethod here), nothing charged", async () => {
    const { invoice: open } = await unpaidRenewal(db(), BOUGHT_AT);
    const theirs = await subscribe(db(), { now: BOUGHT_AT });
    const theirSub = present(await findSubscription(db(), { accountId: theirs.shop.accountId, id: theirs.subscriptionId }), 'sub');
    expect(await refusal(pay(open, { payment_method: present(theirSub.defaultPaymentMethodId, 'their card') }))).toMatchObject({
      status: 400,
      code: 'resource_missing',
      param: 'payment_method',
    });
    expect(present(await findInvoice(db(), open), 'invoice')).toMatchObject({ status: 'open', attemptCount: open.attemptCount });
  });
});
