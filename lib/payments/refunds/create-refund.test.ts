import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emails } from '@/db/schema';
import { updateChargeFields } from '@/db/queries/charges';
import { insertDispute } from '@/db/queries/disputes';
import { findPaymentIntent } from '@/db/queries/payment-intents';
import type { DisputeRow } from '@/db/queries/disputes';
import { ApiError } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-params';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { newShop, type Shop } from '@/lib/checkout/testing/checkout-world';
import { newId } from '@/lib/util/ids';
import { createRefundSchema } from '@/lib/validation/refunds';
import { setReceipts } from '@/lib/receipts/testing/receipts-shop';
import { createRefund } from './create-refund';
import type { PaymentProcessor } from '../processor';
import { chargeNow, eventsOf, paidCharge, SEPA_IBANS } from '../testing/paid-charge';
import { testProcessor } from '../test-processor';

const db = useCheckoutDatabase('caisse_refunds');
const T0 = new Date('2026-06-01T12:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

const refund = (shop: Shop, input: Record<string, unknown>, opts: { processor?: PaymentProcessor; now?: Date } = {}) =>
  createRefund(db(), { accountId: shop.accountId }, parseParams(createRefundSchema, input), { now: later(60_000), ...opts });

/** The ApiError a call fails with, as the API would send it. */
async function refusal(call: Promise<unknown>) {
  const err: unknown = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return { status: err.status, ...err.toJSON().error };
}

describe('refunding a card charge', () => {
  it('in part twice, then the rest without an amount → three refunds, amount_refunded adds up, refunded at the end; each with its events', async () => {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0, quantity: 4 });
    expect(charge).toMatchObject({ amount: 10000, amountCaptured: 10000, amountRefunded: 0, captured: true });

    const first = await refund(shop, { charge: charge.id, amount: '2500', reason: 'requested_by_customer', metadata: { order: '42' } });
    expect(first).toMatchObject({
      object: 'refund',
      amount: 2500,
      charge: charge.id,
      payment_intent: charge.paymentIntentId,
      payment_method: charge.paymentMethodId,
      currency: 'eur',
      status: 'succeeded',
      reason: 'requested_by_customer',
      metadata: { order: '42' },
      created: Math.floor(later(60_000).getTime() / 1000),
    });
    expect(first.id).toMatch(/^re_/);
    expect((await chargeNow(db(), charge)).amountRefunded).toBe(2500);

    const second = await refund(shop, { payment_intent: charge.paymentIntentId, amount: 1000 });
    expect(second).toMatchObject({ amount: 1000, charge: charge.id, reason: null, metadata: {} });
    const rest = await refund(shop, { charge: charge.id, payment_intent: charge.paymentIntentId });
    expect(rest.amount).toBe(6500);
    expect(await chargeNow(db(), charge)).toMatchObject({ amountRefunded: 10000 });

    const refundEvents = (await eventsOf(db(), shop.accountId)).filter((e) => e.type === 'refund.created' || e.type === 'charge.refunded');
    expect(refundEvents.map((e) => [e.type, e.object.id, e.previous])).toEqual([
      ['refund.created', first.id, undefined],
      ['charge.refunded', charge.id, { amount_refunded: 0 }],
      ['refund.created', second.id, undefined],
      ['charge.refunded', charge.id, { amount_refunded: 2500 }],
      ['refund.created', rest.id, undefined],
      ['charge.refunded', charge.id, { amount_refunded: 3500, refunded: false }],
    ]);
    expect(refundEvents.at(-1)?.object).toMatchObject({ amount_refunded: 10000, refunded: true });
  });

  it("each refund queues the customer's refund receipt in the same transaction; a refused one queues nothing", async () => {
    const shop = await newShop(db());
    await setReceipts(db(), shop.accountId, true);
    const { charge } = await paidCharge(db(), shop, { now: T0 });
    const refundEmails = async () =>
      (await db().select().from(emails).where(eq(emails.accountId, shop.accountId))).filter((e) => e.subject.startsWith('Your refund'));
    expect(await refundEmails()).toEqual([]);
    await refund(shop, { charge: charge.id, amount: 1000 });
    await refusal(refund(shop, { charge: charge.id, amount: 5000 }));
    const queued = await refundEmails();
    expect(queued.map((e) => [e.to, e.status])).toEqual([['jenny@example.com', 'pending']]);
    expect(queued[0].text).toContain('Amount refunded: €10.00');
  });

  it("for more than is left → 400 on amount in Stripe's words, the amounts as money; nothing written", async () => {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0 });
    await refund(shop, { charge: charge.id, amount: 1000 });
    expect(await refusal(refund(shop, { charge: charge.id, amount: 1501 }))).toEqual({
      status: 400,
      type: 'invalid_request_error',
      param: 'amount',
      message: 'Refund amount (€15.01) is greater than unrefunded amount on charge (€15.00)',
    });
    expect((await chargeNow(db(), charge)).amountRefunded).toBe(1000);
  });

  it('once fully refunded → charge_already_refunded', async () => {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0 });
    await refund(shop, { charge: charge.id });
    expect(await refusal(refund(shop, { charge: charge.id, amount: 1 }))).toMatchObject({
      status: 400,
      code: 'charge_already_refunded',
      message: `Charge ${charge.id} has already been refunded.`,
    });
  });

  it('the processor fails → the error, and nothing written: no refund, no event, amount_refunded unchanged', async () => {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0 });
    const before = (await eventsOf(db(), shop.accountId)).length;
    const down: PaymentProcessor = { ...testProcessor, refund: () => Promise.reject(new Error('processor unreachable')) };
    await expect(refund(shop, { charge: charge.id }, { processor: down })).rejects.toThrow('processor unreachable');
    expect((await chargeNow(db(), charge)).amountRefunded).toBe(0);
    expect(await eventsOf(db(), shop.accountId)).toHaveLength(before);
  });

  it('ten partial refunds at once → those that fit succeed, the others are refused; never more than captured', async () => {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => refund(shop, { charge: charge.id, amount: 700 })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(3);
    for (const r of results.filter((x) => x.status === 'rejected')) expect(r.reason).toBeInstanceOf(ApiError);
    expect((await chargeNow(db(), charge)).amountRefunded).toBe(2100);
  });
});

describe('what a refund needs', () => {
  it("neither charge nor payment_intent → Stripe's message, without param", async () => {
    const shop = await newShop(db());
    expect(await refusal(refund(shop, { amount: 100 }))).toEqual({
      status: 400,
      type: 'invalid_request_error',
      message: 'One of the following params should be provided for this request: payment_intent or charge.',
    });
  });

  it("another merchant's charge or payment intent → 404 resource_missing on that parameter", async () => {
    const shop = await newShop(db());
    const { charge: other } = await paidCharge(db(), await newShop(db()), { now: T0 });
    expect(await refusal(refund(shop, { charge: other.id }))).toMatchObject({
      status: 404,
      code: 'resource_missing',
      param: 'charge',
      message: `No such charge: '${other.id}'`,
    });
    expect(await refusal(refund(shop, { payment_intent: other.paymentIntentId }))).toMatchObject({
      status: 404,
      code: 'resource_missing',
      param: 'payment_intent',
    });
  });

  it('an empty charge or payment_intent (`charge=`) → 400 parameter_invalid_empty on it, not a server error (review finding)', async () => {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0 });
    const asTheApi = async (input: Record<string, unknown>) => refund(shop, input);
    for (const [input, param] of [
      [{ charge: '' }, 'charge'],
      [{ payment_intent: '' }, 'payment_intent'],
      [{ charge: charge.id, payment_intent: '' }, 'payment_intent'],
    ] as const)
      expect(await refusal(asTheApi(input))).toMatchObject({ status: 400, code: 'parameter_invalid_empty', param });
    expect((await chargeNow(db(), charge)).amountRefunded).toBe(0);
  });

  it('a charge and a payment intent that do not go together → 400 on payment_intent', async () => {
    const shop = await newShop(db());
    const { charge: one } = await paidCharge(db(), shop, { now: T0 });
    const { charge: two } = await paidCharge(db(), shop, { now: T0 });
    expect(await refusal(refund(shop, { charge: one.id, payment_intent: two.paymentIntentId }))).toMatchObject({
      status: 400,
      param: 'payment_intent',
      message: `Charge ${one.id} does not belong to PaymentIntent ${two.paymentIntentId}.`,
    });
  });

  it('a reason Caisse gives itself, or a zero amount → 400 on that parameter', () => {
    expect(() => parseParams(createRefundSchema, { charge: 'ch_1', reason: 'expired_uncaptured_charge' })).toThrow(
      'Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer (reason).',
    );
    expect(() => parseParams(createRefundSchema, { charge: 'ch_1', amount: '0' })).toThrow(/amount/);
  });

  it('an amount of 0 (or less, or not whole) from a caller that skips the schema, as the dashboard can → 400 on amount; nothing written (review finding)', async () => {
    // The dashboard checks the typed amount only while the charge has something to refund as it reads it; if a refund
    // fails (or a debit settles) before createRefund locks the charge, the unchecked amount, 0 for an empty field, got through.
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0 });
    for (const amount of [0, -100, 1.5])
      expect(await refusal(createRefund(db(), { accountId: shop.accountId }, { charge: charge.id, amount }, { now: T0 }))).toMatchObject({
        status: 400,
        param: 'amount',
      });
    expect(await chargeNow(db(), charge)).toMatchObject({ amountRefunded: 0 });
    expect((await eventsOf(db(), shop.accountId)).filter((e) => e.type.startsWith('refund.'))).toEqual([]);
  });

  it('a SEPA debit not settled yet, or one the bank refused → "does not have a successful charge to refund"', async () => {
    const shop = await newShop(db());
    for (const paid of [{ iban: SEPA_IBANS.succeeds, settled: false }, { iban: SEPA_IBANS.fails }]) {
      const { charge } = await paidCharge(db(), shop, { now: T0, with: paid });
      expect(charge.status).toBe(paid.settled === false ? 'pending' : 'failed');
      expect(await refusal(refund(shop, { charge: charge.id }))).toEqual({
        status: 400,
        type: 'invalid_request_error',
        message: `This PaymentIntent (${charge.paymentIntentId}) does not have a successful charge to refund.`,
      });
    }
  });
});

describe('a disputed charge', () => {
  async function disputed(status: DisputeRow['status']) {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0 });
    await insertDispute(db(), {
      id: newId('dp'),
      accountId: shop.accountId,
      chargeId: charge.id,
      paymentIntentId: charge.paymentIntentId,
      amount: charge.amount,
      currency: charge.currency,
      status,
      reason: 'fraudulent',
    });
    await updateChargeFields(db(), { accountId: shop.accountId, id: charge.id, set: { disputed: true } });
    return { shop, charge };
  }

  it.each(['needs_response', 'under_review', 'lost'] as const)('whose dispute is %s → charge_disputed', async (status) => {
    const { shop, charge } = await disputed(status);
    expect(await refusal(refund(shop, { charge: charge.id }))).toMatchObject({
      status: 400,
      code: 'charge_disputed',
      message: `Charge ${charge.id} has been charged back; cannot issue a refund.`,
    });
  });

  it.each(['won', 'warning_needs_response'] as const)('whose dispute is %s → refunded as any other', async (status) => {
    const { shop, charge } = await disputed(status);
    expect(await refund(shop, { charge: charge.id })).toMatchObject({ status: 'succeeded', amount: charge.amount });
  });
});

describe('an authorization not captured yet', () => {
  it('for less than its amount → Stripe\'s "capture for less" refusal; nothing changes', async () => {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0, with: { card: 'ok', capture: 'manual' } });
    expect(charge).toMatchObject({ captured: false, status: 'succeeded' });
    expect(await refusal(refund(shop, { charge: charge.id, amount: 100 }))).toMatchObject({
      status: 400,
      param: 'amount',
      message: 'You cannot partially refund an uncaptured charge. Instead, capture the charge for an amount less than the original amount',
    });
    const intent = await findPaymentIntent(db(), { accountId: shop.accountId, id: charge.paymentIntentId });
    expect(intent?.status).toBe('requires_capture');
  });

  it('in full → the authorization is released: intent canceled (requested_by_customer), one refund of the whole amount', async () => {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0, with: { card: 'ok', capture: 'manual' } });
    const released = await refund(shop, { payment_intent: charge.paymentIntentId, reason: 'duplicate', metadata: { why: 'double order' } });
    expect(released).toMatchObject({ amount: 2500, status: 'succeeded', reason: 'duplicate', metadata: { why: 'double order' } });
    const intent = await findPaymentIntent(db(), { accountId: shop.accountId, id: charge.paymentIntentId });
    expect(intent).toMatchObject({ status: 'canceled', cancellationReason: 'requested_by_customer' });
    expect(await chargeNow(db(), charge)).toMatchObject({ amountRefunded: 2500, captured: false });
    const types = (await eventsOf(db(), shop.accountId)).map((e) => e.type);
    expect(types.slice(-3)).toEqual(['payment_intent.canceled', 'charge.refunded', 'refund.created']);
    expect(await refusal(refund(shop, { charge: charge.id }))).toMatchObject({ code: 'charge_already_refunded' });
  });
});
