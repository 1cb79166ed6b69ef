import { describe, expect, it } from 'vitest';
import { updateRefundFields } from '@/db/queries/refunds';
import { ApiError } from '@/lib/api/errors';
import { expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { newShop, type Shop } from '@/lib/checkout/testing/checkout-world';
import { env } from '@/lib/env';
import { createRefundSchema, listRefundsSchema, updateRefundSchema } from '@/lib/validation/refunds';
import { applyDueRefundChanges } from './apply-due-refund-changes';
import { cancelRefund } from './cancel-refund';
import { createRefund } from './create-refund';
import { runDueFollowUps } from '../follow-up-sweep';
import { listRefunds } from './list-refunds';
import { retrieveRefund } from './retrieve-refund';
import { chargeNow, eventsOf, paidCharge, SEPA_IBANS } from '../testing/paid-charge';
import { TEST_FOLLOW_UP_MS } from '../test-processor';
import { updateRefund } from './update-refund';

const db = useCheckoutDatabase('caisse_refund_follow_ups');
const T0 = new Date('2026-06-01T12:00:00Z');
const T1 = new Date(T0.getTime() + 60_000);
const after = (ms: number) => new Date(T1.getTime() + ms);

const refund = (shop: Shop, input: Record<string, unknown>) =>
  createRefund(db(), { accountId: shop.accountId }, parseParams(createRefundSchema, input), { now: T1 });
const typesOf = async (shop: Shop) => (await eventsOf(db(), shop.accountId)).map((e) => e.type);

describe('a card refund that fails later (4000 0000 0000 5126)', () => {
  it('succeeds at first; when due, the sweep fails it once: failure_reason, amount given back, refund.failed + refund.updated + charge.refund.updated', async () => {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0, quantity: 2, with: { card: 'refundFails' } });
    const first = await refund(shop, { charge: charge.id, amount: 1000 });
    expect(first.status).toBe('succeeded');
    expect((await chargeNow(db(), charge)).amountRefunded).toBe(1000);

    // Not yet due: nothing happens.
    expect(await applyDueRefundChanges(db(), after(TEST_FOLLOW_UP_MS - 1), 100)).toBe(0);
    // Two sweepers at once (two app processes): the refund fails once.
    const applied = await Promise.all([
      applyDueRefundChanges(db(), after(TEST_FOLLOW_UP_MS), 100),
      applyDueRefundChanges(db(), after(TEST_FOLLOW_UP_MS), 100),
    ]);
    expect(applied[0] + applied[1]).toBe(1);
    expect(await applyDueRefundChanges(db(), after(3600_000), 100)).toBe(0);

    expect(await retrieveRefund(db(), { accountId: shop.accountId, id: first.id })).toMatchObject({
      status: 'failed',
      failure_reason: 'expired_or_canceled_card',
    });
    expect((await chargeNow(db(), charge)).amountRefunded).toBe(0);
    const all = await eventsOf(db(), shop.accountId);
    expect(all.slice(-3).map((e) => [e.type, e.object.status, e.previous])).toEqual([
      ['refund.failed', 'failed', { status: 'succeeded', failure_reason: null }],
      ['refund.updated', 'failed', { status: 'succeeded', failure_reason: null }],
      ['charge.refund.updated', 'failed', { status: 'succeeded', failure_reason: null }],
    ]);
    // The money is back on the charge: it can be refunded again.
    expect((await refund(shop, { charge: charge.id })).amount).toBe(5000);
  });
});

describe('a SEPA refund', () => {
  it('is pending and counted at once; the sweep settles it after SEPA_TEST_SETTLE_SECONDS: refund.updated + charge.refund.updated', async () => {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0, with: { iban: SEPA_IBANS.succeeds } });
    expect(charge).toMatchObject({ status: 'succeeded', captured: true, amountCaptured: 2500 });
    const pending = await refund(shop, { charge: charge.id, amount: 500 });
    expect(pending.status).toBe('pending');
    expect((await chargeNow(db(), charge)).amountRefunded).toBe(500);
    // The rest can be refunded while the first is on its way, never more.
    await expect(refund(shop, { charge: charge.id, amount: 2001 })).rejects.toBeInstanceOf(ApiError);

    const settle = env().SEPA_TEST_SETTLE_SECONDS * 1000;
    // Other tests' changes on this database may come due meanwhile: this refund's own state is what counts.
    await runDueFollowUps(db(), after(settle - 1));
    expect(await retrieveRefund(db(), { accountId: shop.accountId, id: pending.id })).toMatchObject({ status: 'pending' });
    expect((await runDueFollowUps(db(), after(settle))).applied).toBeGreaterThanOrEqual(1);
    expect(await retrieveRefund(db(), { accountId: shop.accountId, id: pending.id })).toMatchObject({ status: 'succeeded' });
    expect((await chargeNow(db(), charge)).amountRefunded).toBe(500);
    expect((await typesOf(shop)).slice(-2)).toEqual(['refund.updated', 'charge.refund.updated']);
  });
});

describe('updating and canceling a refund', () => {
  it('metadata → merged; refund.updated and charge.refund.updated with the previous metadata', async () => {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0 });
    const created = await refund(shop, { charge: charge.id, metadata: { a: '1' } });
    const updated = await updateRefund(
      db(),
      { accountId: shop.accountId, id: created.id },
      parseParams(updateRefundSchema, { metadata: { b: '2', a: '' } }),
    );
    expect(updated.metadata).toEqual({ b: '2' });
    const last = (await eventsOf(db(), shop.accountId)).slice(-2);
    expect(last.map((e) => [e.type, e.previous])).toEqual([
      ['refund.updated', { metadata: { a: '1' } }],
      ['charge.refund.updated', { metadata: { a: '1' } }],
    ]);
    await expect(updateRefund(db(), { accountId: (await newShop(db())).accountId, id: created.id }, {})).rejects.toMatchObject({
      status: 404,
      code: 'resource_missing',
      message: `No such refund: '${created.id}'`,
    });
  });

  it('of a succeeded refund → "Canceling this refund is unsupported."', async () => {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0 });
    const created = await refund(shop, { charge: charge.id });
    await expect(cancelRefund(db(), { accountId: shop.accountId, id: created.id })).rejects.toMatchObject({
      status: 400,
      message: 'Canceling this refund is unsupported.',
      code: undefined,
    });
  });

  it('of a refund waiting on the customer (requires_action) → canceled, its amount back on the charge', async () => {
    const shop = await newShop(db());
    const { charge } = await paidCharge(db(), shop, { now: T0 });
    const created = await refund(shop, { charge: charge.id, amount: 700 });
    // No test payment method asks the customer anything yet: the state is set as such a processor would.
    await updateRefundFields(db(), { accountId: shop.accountId, id: created.id, set: { status: 'requires_action' } });
    const canceled = await cancelRefund(db(), { accountId: shop.accountId, id: created.id });
    expect(canceled).toMatchObject({ status: 'canceled', failure_reason: 'merchant_request' });
    expect((await chargeNow(db(), charge)).amountRefunded).toBe(0);
    expect((await typesOf(shop)).slice(-2)).toEqual(['refund.updated', 'charge.refund.updated']);
  });
});

describe('listing refunds', () => {
  it('by charge, by payment intent, newest first; a charge expands to its refunds', async () => {
    const shop = await newShop(db());
    const { charge: one } = await paidCharge(db(), shop, { now: T0 });
    const { charge: two } = await paidCharge(db(), shop, { now: T0 });
    const a = await refund(shop, { charge: one.id, amount: 100 });
    const b = await refund(shop, { charge: one.id, amount: 200 });
    const c = await refund(shop, { charge: two.id, amount: 300 });
    const scope = { accountId: shop.accountId };
    const list = (input: Record<string, unknown>) => listRefunds(db(), scope, parseParams(listRefundsSchema, input));
    expect((await list({})).data.map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect((await list({ charge: one.id })).data.map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await list({ payment_intent: two.paymentIntentId })).data.map((r) => r.id)).toEqual([c.id]);
    expect(await list({ charge: one.id, limit: '1' })).toMatchObject({ object: 'list', has_more: true, url: '/v1/refunds' });

    const expanded = await expandObject({ db: db(), accountId: shop.accountId }, { ...a }, ['charge', 'charge.refunds']);
    expect(expanded.charge).toMatchObject({
      id: one.id,
      object: 'charge',
      amount_refunded: 300,
      refunds: { object: 'list', has_more: false, url: `/v1/refunds?charge=${one.id}`, data: [{ id: b.id }, { id: a.id }] },
    });
  });
});
