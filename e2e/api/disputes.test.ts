import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant, stripeError, type Merchant } from '../support/merchant';
import { DISPUTED_CARD, paidSession } from '../support/paid-session';
import { endpointOn, receivedEvents, startReceiver, type Receiver } from './webhook-fixtures';

// DISPUTED_CARD is Stripe's test card whose payment succeeds, then is disputed as fraudulent; "winning_evidence"
// and "losing_evidence" in the evidence decide it, as in Stripe's test mode. Each change comes seconds
// later from the server's follow-up sweep: waited for with expect.poll, never slept on.
const SLOW = 90_000;
const POLL = { timeout: 45_000, interval: 250 };

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

/** A merchant (a new one unless given) whose customer paid a session with the disputed card; resolves once the dispute has opened. */
async function disputedPayment(given?: Merchant) {
  const merchant = given ?? (await newMerchant());
  const { stripe } = merchant;
  const paymentIntent = (await paidSession(stripe, { card: DISPUTED_CARD, currency: 'usd' })).paymentIntentId;
  const opened = async () => (await stripe.disputes.list({ payment_intent: paymentIntent })).data;
  await expect.poll(async () => (await opened()).length, POLL).toBe(1);
  const [dispute] = await opened();
  return { merchant, stripe, dispute, paymentIntent };
}

const DISPUTE_EVENTS = [
  'charge.dispute.created',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.updated',
  'charge.dispute.closed',
  'charge.dispute.funds_reinstated',
] as const;

const status = (stripe: Stripe, id: string) => async () => (await stripe.disputes.retrieve(id)).status;

describe('disputes through the official SDK', () => {
  it(
    'a payment with 4000 0000 0000 0259 is disputed as fraudulent; "winning_evidence" wins it; every event reaches a webhook, signed',
    async () => {
      const merchant = await newMerchant();
      const endpoint = await endpointOn(merchant.stripe, receiver, [...DISPUTE_EVENTS]);

      const { stripe, dispute, paymentIntent } = await disputedPayment(merchant);
      expect(dispute).toMatchObject({
        object: 'dispute',
        status: 'needs_response',
        reason: 'fraudulent',
        amount: 2500,
        currency: 'usd',
        payment_intent: paymentIntent,
        balance_transactions: [],
        is_charge_refundable: false,
        evidence_details: { has_evidence: false, past_due: false, submission_count: 0 },
        payment_method_details: { type: 'card', card: { brand: 'visa', case_type: 'chargeback', network_reason_code: '10.4' } },
      });
      expect(dispute.evidence.uncategorized_text).toBeNull();
      expect(defined(dispute.evidence_details.due_by, 'due_by') % 86400).toBe(86399);
      const withCharge = await stripe.disputes.retrieve(dispute.id, { expand: ['charge', 'payment_intent'] });
      expect(withCharge.charge).toMatchObject({ object: 'charge', id: dispute.charge, disputed: true, payment_intent: paymentIntent });
      expect(withCharge.payment_intent).toMatchObject({ object: 'payment_intent', id: paymentIntent });
      expect((await stripe.disputes.list({ charge: dispute.charge as string })).data.map((d) => d.id)).toEqual([dispute.id]);

      const submitted = await stripe.disputes.update(dispute.id, {
        evidence: { uncategorized_text: 'winning_evidence' },
        metadata: { order: '42' },
      });
      expect(submitted).toMatchObject({
        status: 'under_review',
        metadata: { order: '42' },
        evidence_details: { submission_count: 1, has_evidence: true },
      });
      await expect.poll(status(stripe, dispute.id), POLL).toBe('won');

      await receiver.until(() => receivedEvents(receiver, endpoint).length >= DISPUTE_EVENTS.length, 45_000);
      const disputeEvents = receivedEvents(receiver, endpoint);
      expect(disputeEvents.map((e) => e.type).sort()).toEqual([...DISPUTE_EVENTS].sort());
      for (const e of disputeEvents) expect((e.data.object as Stripe.Dispute).id).toBe(dispute.id);
      const reinstated = defined(
        disputeEvents.find((e) => e.type === 'charge.dispute.funds_reinstated'),
        'funds_reinstated',
      );
      expect(reinstated.data.object).toMatchObject({ status: 'won', is_charge_refundable: true });
      const updated = defined(
        disputeEvents.find((e) => e.type === 'charge.dispute.updated'),
        'updated',
      );
      expect(updated.data.previous_attributes).toMatchObject({ status: 'needs_response' });

      const closed = await stripeError(stripe.disputes.update(dispute.id, { metadata: { late: 'yes' } }));
      expect(closed).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
      expect(closed.message).toMatch(/already closed/);
    },
    SLOW,
  );

  it(
    'staged evidence then "losing_evidence" → under review, then lost; evidence is kept field by field',
    async () => {
      const { stripe, dispute } = await disputedPayment();
      const staged = await stripe.disputes.update(dispute.id, {
        evidence: { customer_name: 'Jenny Rosen', product_description: 'Lamp' },
        submit: false,
      });
      expect(staged).toMatchObject({ status: 'needs_response', evidence_details: { has_evidence: true, submission_count: 0 } });
      const submitted = await stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'losing_evidence' } });
      expect(submitted.status).toBe('under_review');
      expect(submitted.evidence).toMatchObject({
        customer_name: 'Jenny Rosen',
        product_description: 'Lamp',
        uncategorized_text: 'losing_evidence',
      });
      const again = await stripeError(stripe.disputes.update(dispute.id, { evidence: { customer_name: 'Someone else' } }));
      expect(again.message).toMatch(/under review/);
      await expect.poll(status(stripe, dispute.id), POLL).toBe('lost');
    },
    SLOW,
  );

  it(
    'closing accepts the dispute as lost, once; a closed dispute takes no evidence',
    async () => {
      const { stripe, dispute } = await disputedPayment();
      expect(await stripe.disputes.close(dispute.id)).toMatchObject({ id: dispute.id, status: 'lost' });
      expect((await stripeError(stripe.disputes.close(dispute.id))).message).toMatch(/already closed/);
      const refused = await stripeError(stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'winning_evidence' } }));
      expect(refused.statusCode).toBe(400);
      expect((await stripe.disputes.retrieve(dispute.id)).status).toBe('lost');
    },
    SLOW,
  );

  it(
    "an uploaded PDF attaches as evidence and downloads with the key; another merchant's dispute and file are 404",
    async () => {
      const { merchant, stripe, dispute } = await disputedPayment();
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
      const file = await stripe.files.create({
        purpose: 'dispute_evidence',
        file: { data: pdf, name: 'receipt.pdf', type: 'application/octet-stream' },
      });
      expect(file).toMatchObject({ object: 'file', purpose: 'dispute_evidence', filename: 'receipt.pdf', size: pdf.length, type: 'pdf' });
      expect(await stripe.files.retrieve(file.id)).toEqual(file);
      const updated = await stripe.disputes.update(dispute.id, { evidence: { receipt: file.id }, submit: false });
      expect(updated.evidence.receipt).toBe(file.id);
      const expanded = await stripe.disputes.retrieve(dispute.id, { expand: ['evidence.receipt'] });
      expect(expanded.evidence.receipt).toMatchObject({ object: 'file', id: file.id });

      const other = await newMerchant();
      const download = (key: string) => fetch(defined(file.url, 'file.url'), { headers: { authorization: `Bearer ${key}` } });
      const mine = await download(merchant.secretKey);
      expect(mine.status).toBe(200);
      expect(mine.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await mine.arrayBuffer())).toEqual(pdf);
      expect((await download(other.secretKey)).status).toBe(404);

      // One call at a time: a refusal must not wait unhandled while an earlier one is checked.
      for (const call of [
        () => other.stripe.disputes.retrieve(dispute.id),
        () => other.stripe.disputes.update(dispute.id, { metadata: { a: 'b' } }),
        () => other.stripe.disputes.close(dispute.id),
        () => other.stripe.files.retrieve(file.id),
      ])
        expect(await stripeError(call())).toMatchObject({ statusCode: 404, code: 'resource_missing' });
      expect((await other.stripe.disputes.list({ payment_intent: dispute.payment_intent as string })).data).toEqual([]);
    },
    SLOW,
  );
});
