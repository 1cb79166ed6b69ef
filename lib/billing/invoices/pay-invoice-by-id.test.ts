import { describe, expect, it } from 'vitest';
import { findInvoice } from '@/db/queries/invoices';
import { findPaymentIntent } from '@/db/queries/payment-intents';
import { findSubscription } from '@/db/queries/subscriptions';
import { ApiError } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-params';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { newShop } from '@/lib/checkout/testing/checkout-world';
import { eventsOf } from '@/lib/payments/testing/paid-charge';
import { present } from '@/lib/util/present';
import { payInvoiceSchema } from '@/lib/validation/invoices';
import { openRenewalInvoice, paidSubscription } from '../testing/paid-subscription';
import { invoicePayments } from './invoice-payments';
import { markInvoiceUncollectibleById } from './mark-uncollectible';
import { payInvoiceById } from './pay-invoice-by-id';
import { voidInvoiceById } from './void-invoice';

const db = useCheckoutDatabase('caisse_pay_invoice_by_id');

const PAID_AT = new Date('2026-05-02T10:00:00Z');
const LATER = new Date('2026-06-02T10:00:00Z');

/** The test card that pays at checkout (a trial: nothing is charged) and is declined off-session afterwards. */
const SAVES_THEN_DECLINES = '4000000000000341';

async function withOpenInvoice(card?: string) {
  const trial = card ? { trial_period_days: '7' } : undefined;
  const shop = await newShop(db());
  const { subscription, invoice: first, scope } = await paidSubscription(db(), shop, { now: PAID_AT, card, subscriptionData: trial });
  const open = await openRenewalInvoice(db(), subscription, first, LATER);
  return { open, subscription, scope: { ...scope, id: open.id } };
}

const pay = (scope: { accountId: string; id: string }, params: Record<string, unknown> = {}) =>
  payInvoiceById(db(), scope, parseParams(payInvoiceSchema, params));

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

const types = async (accountId: string) => (await eventsOf(db(), accountId)).map((e) => e.type);

describe('payInvoiceById (POST /v1/invoices/:id/pay)', () => {
  it('an open invoice, the subscription’s card → charged off-session: paid, one InvoicePayment, invoice.paid and invoice.payment_succeeded', async () => {
    const { open, scope } = await withOpenInvoice();
    const before = await types(open.accountId);
    const paid = await pay(scope);
    expect(paid).toMatchObject({ id: open.id, status: 'paid', amount_paid: 900, amount_remaining: 0, attempt_count: 1 });
    const payments = await invoicePayments(db(), { accountId: open.accountId, invoiceId: open.id });
    expect(payments.data).toMatchObject([{ status: 'paid', amount_paid: 900, amount_requested: 900, payment: { type: 'payment_intent' } }]);
    expect((await types(open.accountId)).slice(before.length)).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'invoice.paid',
      'invoice.payment_succeeded',
    ]);
    expect(await refusal(pay(scope))).toMatchObject({ status: 400, message: 'Invoice is already paid' });
  });

  it("a card that is declined → Stripe's 402 card error with the payment intent; the invoice stays open, its retry schedule as it was", async () => {
    const { open, scope } = await withOpenInvoice(SAVES_THEN_DECLINES);
    const err = await refusal(pay(scope));
    expect(err).toMatchObject({ status: 402, type: 'card_error', code: 'card_declined', message: 'Your card was declined.' });
    const body = err.toJSON().error as { payment_intent?: { id: string; status: string; last_payment_error: unknown } };
    const intentId = present(body.payment_intent, 'error.payment_intent').id;
    expect(body.payment_intent).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });
    const after = present(await findInvoice(db(), open), 'the invoice');
    expect(after).toMatchObject({
      status: 'open',
      attemptCount: 1,
      nextPaymentAttempt: open.nextPaymentAttempt,
      paymentIntentId: intentId,
    });
    const payments = await invoicePayments(db(), { accountId: open.accountId, invoiceId: open.id });
    expect(payments.data).toMatchObject([{ status: 'open', amount_paid: null, amount_requested: 900 }]);
  });

  it('paid_out_of_band → paid without a charge, its declined intent canceled, the subscription the decline made past due active again; invoice.paid, no payment_succeeded', async () => {
    const { open, scope, subscription } = await withOpenInvoice(SAVES_THEN_DECLINES);
    await refusal(pay(scope));
    expect(await findSubscription(db(), subscription)).toMatchObject({ status: 'past_due' });
    const intentId = present(present(await findInvoice(db(), open), 'invoice').paymentIntentId, 'intent');
    const before = await types(open.accountId);
    const paid = await pay(scope, { paid_out_of_band: 'true' });
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 900, amount_remaining: 0 });
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
    const { open, scope } = await withOpenInvoice();
    const marked = await markInvoiceUncollectibleById(db(), scope);
    expect(marked).toMatchObject({ status: 'uncollectible', next_payment_attempt: null });
    expect(marked.status_transitions.marked_uncollectible_at).not.toBeNull();
    expect((await types(open.accountId)).at(-1)).toBe('invoice.marked_uncollectible');
    expect(await refusal(markInvoiceUncollectibleById(db(), scope))).toMatchObject({
      status: 400,
      message: 'You can only mark an invoice that is open as uncollectible; this invoice is uncollectible.',
    });
    expect(await refusal(pay(scope))).toMatchObject({ status: 400 });
    expect(await pay(scope, { paid_out_of_band: 'true' })).toMatchObject({ status: 'paid', amount_paid: 900 });
  });

  it('voided → "Voided invoices cannot be paid.", even out of band', async () => {
    const { scope } = await withOpenInvoice();
    expect(await voidInvoiceById(db(), scope)).toMatchObject({ status: 'void' });
    for (const params of [{}, { paid_out_of_band: 'true' }])
      expect(await refusal(pay(scope, params))).toMatchObject({ status: 400, message: 'Voided invoices cannot be paid.' });
  });

  it("another customer's card → 400 naming payment_method, nothing charged", async () => {
    const mine = await withOpenInvoice();
    const theirs = await paidSubscription(db(), await newShop(db()), { now: PAID_AT });
    const card = present(theirs.subscription.defaultPaymentMethodId, 'their card');
    expect(await refusal(pay(mine.scope, { payment_method: card }))).toMatchObject({ status: 400, param: 'payment_method' });
    expect(present(await findInvoice(db(), mine.open), 'invoice')).toMatchObject({ status: 'open', attemptCount: 0 });
  });
});
