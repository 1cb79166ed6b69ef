import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';
import { advanceClock, subscribedOnClock } from '../support/test-clocks';

const DAY = 86_400;
/** Saves fine at checkout (with a trial nothing is charged), then every charge is declined. */
const SAVES_THEN_DECLINES = '4000 0000 0000 0341';

/** A subscription on a test clock whose first renewal was declined: the clock advanced past its 7-day trial. */
async function declinedRenewal(stripe: Stripe) {
  const start = Math.floor(Date.UTC(2031, 2, 1, 9) / 1000);
  const bought = await subscribedOnClock(stripe, start, {
    card: SAVES_THEN_DECLINES,
    params: { subscription_data: { trial_period_days: 7 } },
  });
  await advanceClock(stripe, bought.clock.id, start + 7 * DAY + 60);
  const open = await stripe.invoices.list({ subscription: bought.subscriptionId, status: 'open' });
  expect(open.data).toHaveLength(1);
  return { ...bought, invoice: open.data[0] };
}

const eventAbout = async (stripe: Stripe, type: string, id: string) =>
  (await stripe.events.list({ type })).data.find((e) => (e.data.object as { id: string }).id === id);

describe('collecting an open invoice', () => {
  it("a renewal declined on a test clock → pay answers Stripe's 402 card error with its payment intent; the invoice stays open", async () => {
    const { stripe } = await newMerchant();
    const { subscriptionId, invoice } = await declinedRenewal(stripe);
    expect(invoice).toMatchObject({ billing_reason: 'subscription_cycle', attempt_count: 1, amount_remaining: 900 });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('past_due');

    const declined = await stripeError(stripe.invoices.pay(invoice.id));
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({ statusCode: 402, type: 'StripeCardError', code: 'card_declined', message: 'Your card was declined.' });
    expect(declined.payment_intent).toMatchObject({ object: 'payment_intent', status: 'requires_payment_method', amount: 900 });

    const after = await stripe.invoices.retrieve(invoice.id, { expand: ['payments'] });
    expect(after).toMatchObject({ status: 'open', attempt_count: 2, next_payment_attempt: invoice.next_payment_attempt });
    expect(after.payments?.data).toMatchObject([
      {
        status: 'open',
        amount_paid: null,
        amount_requested: 900,
        payment: { payment_intent: defined(declined.payment_intent, 'intent').id },
      },
    ]);
  });

  it('marked uncollectible → no more automatic attempts, not charged by pay; paid out of band → paid, the subscription active again', async () => {
    const { stripe } = await newMerchant();
    const { subscriptionId, invoice } = await declinedRenewal(stripe);
    const marked = await stripe.invoices.markUncollectible(invoice.id);
    expect(marked).toMatchObject({ status: 'uncollectible', next_payment_attempt: null });
    expect(marked.status_transitions.marked_uncollectible_at).toEqual(expect.any(Number));
    expect(await eventAbout(stripe, 'invoice.marked_uncollectible', invoice.id)).toBeDefined();
    expect(await stripeError(stripe.invoices.markUncollectible(invoice.id))).toMatchObject({ statusCode: 400 });
    expect(await stripeError(stripe.invoices.pay(invoice.id))).toMatchObject({ statusCode: 400 });

    const paid = await stripe.invoices.pay(invoice.id, { paid_out_of_band: true });
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 900, amount_remaining: 0 });
    expect(await eventAbout(stripe, 'invoice.paid', invoice.id)).toBeDefined();
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('active');
  });

  it('voided → owed no more, its payment intent canceled (void_invoice), invoice.voided; paying it → "Voided invoices cannot be paid."', async () => {
    const { stripe } = await newMerchant();
    const { invoice } = await declinedRenewal(stripe);
    const intentId = defined((await stripe.invoices.retrieve(invoice.id, { expand: ['payments'] })).payments?.data[0], 'payment').payment
      .payment_intent as string;
    const voided = await stripe.invoices.voidInvoice(invoice.id);
    expect(voided).toMatchObject({ status: 'void', auto_advance: false, next_payment_attempt: null, number: invoice.number });
    expect(await stripe.paymentIntents.retrieve(intentId)).toMatchObject({ status: 'canceled', cancellation_reason: 'void_invoice' });
    expect((await eventAbout(stripe, 'invoice.voided', invoice.id))?.request?.id).toMatch(/^req_/);
    expect(await stripeError(stripe.invoices.pay(invoice.id))).toMatchObject({
      statusCode: 400,
      message: 'Voided invoices cannot be paid.',
    });
    expect(await stripeError(stripe.invoices.voidInvoice(invoice.id))).toMatchObject({ statusCode: 400 });
  });

  it('collection paused (keep_as_draft) → the renewal is a draft without a number; finalize gives it the next one; pay charges the saved card', async () => {
    const { stripe } = await newMerchant();
    const start = Math.floor(Date.UTC(2031, 4, 10, 9) / 1000);
    const { clock, subscriptionId, invoiceId } = await subscribedOnClock(stripe, start);
    await stripe.subscriptions.update(subscriptionId, { pause_collection: { behavior: 'keep_as_draft' } });
    const periodEnd = (await stripe.subscriptions.retrieve(subscriptionId)).items.data[0].current_period_end;
    await advanceClock(stripe, clock.id, periodEnd + 60);

    const drafts = await stripe.invoices.list({ subscription: subscriptionId, status: 'draft' });
    expect(drafts.data).toHaveLength(1);
    const draft = drafts.data[0];
    expect(draft).toMatchObject({ billing_reason: 'subscription_cycle', number: null, hosted_invoice_url: null, amount_due: 900 });
    expect(await stripeError(stripe.invoices.voidInvoice(draft.id))).toMatchObject({ statusCode: 400 });

    const finalized = await stripe.invoices.finalizeInvoice(draft.id, { auto_advance: false });
    const firstNumber = defined((await stripe.invoices.retrieve(invoiceId)).number, 'the first number');
    expect(finalized).toMatchObject({ status: 'open', auto_advance: false, amount_remaining: 900, next_payment_attempt: null });
    expect(finalized.number).toBe(firstNumber.replace(/-0001$/, '-0002'));
    expect(finalized.status_transitions.finalized_at).toBe(periodEnd + 60);
    expect(await eventAbout(stripe, 'invoice.finalized', draft.id)).toBeDefined();
    expect(await stripeError(stripe.invoices.finalizeInvoice(draft.id))).toMatchObject({
      statusCode: 400,
      message: "This invoice is already finalized, you can't re-finalize a non-draft invoice.",
    });

    const paid = await stripe.invoices.pay(draft.id);
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 900, amount_remaining: 0, attempt_count: 1 });
    expect(paid.status_transitions.paid_at).toBe(periodEnd + 60);
  });
});
