import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { updateChargeFields } from '@/db/queries/charges';
import { insertDispute } from '@/db/queries/disputes';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { newShop, type Shop } from '@/lib/checkout/testing/checkout-world';
import { createCustomer } from '@/lib/customers/customers';
import { cancelPaymentIntent } from '@/lib/payments/authorizations/cancel-payment-intent';
import { openDueDisputes } from '@/lib/payments/disputes/open-due-disputes';
import { createRefund } from '@/lib/payments/refunds/create-refund';
import { TEST_FOLLOW_UP_MS } from '@/lib/payments/test-processor';
import { paidCharge, SEPA_IBANS, type PaidWith } from '@/lib/payments/testing/paid-charge';
import { newId } from '@/lib/util/ids';
import { PAYMENT_FILTERS, paymentLabel, type PaymentFilter } from './payment-status';

vi.mock('server-only', () => ({}));
// The payment page links the receipt, signed with the installation's key.
process.env.CAISSE_SECRET_KEY = randomBytes(32).toString('base64url');

const db = useCheckoutDatabase('caisse_dash_payments');

const lists = () => import('./payment-list');
const details = () => import('./payment-detail');

// Each payment an hour after the one before: a sweep run for one (opening its dispute) finds no other due.
let hours = 0;
const nextHour = () => new Date(Date.UTC(2026, 5, 1, 12) + ++hours * 3600_000);

const AUTHORIZED: PaidWith = { card: 'ok', capture: 'manual' };

/**
 * A payment of the shop's as a customer makes it (paidCharge: 4242… unless `with` says otherwise), then
 * refunded by `refunds`, its dispute opened, or its authorization canceled, through the same lib functions
 * as the API.
 */
async function payment(
  shop: Shop,
  p: { with?: PaidWith; customer?: string; refunds?: number[]; openDispute?: boolean; cancel?: boolean } = {},
) {
  const now = nextHour();
  const { charge, sessionId, scope } = await paidCharge(db(), shop, { now, with: p.with, customer: p.customer });
  const refunds = [];
  for (const amount of p.refunds ?? []) refunds.push(await createRefund(db(), scope, { charge: charge.id, amount }, { now }));
  if (p.openDispute) await openDueDisputes(db(), new Date(now.getTime() + TEST_FOLLOW_UP_MS));
  if (p.cancel) await cancelPaymentIntent(db(), scope, charge.paymentIntentId, {}, { now });
  return { id: charge.id, accountId: shop.accountId, intentId: charge.paymentIntentId, sessionId, refundIds: refunds.map((r) => r.id) };
}

describe('payments list filters', () => {
  it('each status tab lists exactly the payments labelled so, newest first; "all" lists every one', async () => {
    const shop = await newShop(db());
    const { accountId } = shop;
    const made = {
      succeeded: await payment(shop),
      partially_refunded: await payment(shop, { refunds: [1000] }),
      refunded: await payment(shop, { refunds: [2500] }),
      disputed: await payment(shop, { with: { card: 'disputed' }, openDispute: true }),
      uncaptured: await payment(shop, { with: AUTHORIZED }),
      // An authorization released in full: neither uncaptured nor refunded.
      canceled: await payment(shop, { with: AUTHORIZED, cancel: true }),
      pending: await payment(shop, { with: { iban: SEPA_IBANS.succeeds, settled: false } }),
    };
    const { paymentListPage } = await lists();
    const idsOf = async (status?: PaymentFilter) => (await paymentListPage(db(), { accountId, filters: { status } })).rows.map((r) => r.id);

    for (const status of PAYMENT_FILTERS) expect(await idsOf(status), status).toEqual([made[status].id]);
    expect(await idsOf()).toEqual(
      Object.values(made)
        .map((m) => m.id)
        .reverse(),
    );

    const all = await paymentListPage(db(), { accountId, filters: {} });
    const labels = Object.fromEntries(all.rows.map((r) => [r.id, r.label]));
    for (const [label, m] of Object.entries(made)) expect(labels[m.id], label).toBe(label);
  });

  it('a row says what the table shows: amount, refunded part, card, email and the session it came from', async () => {
    const shop = await newShop(db());
    const m = await payment(shop, { refunds: [500] });
    const { paymentListPage } = await lists();
    const [row] = (await paymentListPage(db(), { accountId: shop.accountId, filters: {} })).rows;
    expect(row).toMatchObject({
      id: m.id,
      amount: 2500,
      amountRefunded: 500,
      currency: 'eur',
      label: 'partially_refunded',
      email: 'jenny@example.com',
      method: { type: 'card', brand: 'visa', last4: '4242' },
      sessionId: m.sessionId,
    });
  });

  it("another account's payments never show, under any filter, nor as a cursor", async () => {
    const mine = await newShop(db());
    const theirs = await newShop(db());
    const own = await payment(mine);
    const other = await payment(theirs);
    await payment(theirs, { with: { card: 'disputed' }, openDispute: true });
    const { paymentListPage } = await lists();
    const accountId = mine.accountId;
    expect((await paymentListPage(db(), { accountId, filters: {} })).rows.map((r) => r.id)).toEqual([own.id]);
    expect((await paymentListPage(db(), { accountId, filters: { status: 'disputed' } })).rows).toEqual([]);
    // Their charge as a cursor reads as junk: the first page.
    expect((await paymentListPage(db(), { accountId, filters: { after: other.id } })).rows.map((r) => r.id)).toEqual([own.id]);
  });

  it('the customer filter keeps one customer’s payments, with the status filter too', async () => {
    const shop = await newShop(db());
    const { accountId } = shop;
    const customer = (await createCustomer(db(), { accountId }, { email: 'jenny@example.com' })).id;
    const first = await payment(shop, { customer });
    const refunded = await payment(shop, { customer, refunds: [2500] });
    await payment(shop);
    const { paymentListPage } = await lists();
    const ids = async (status?: PaymentFilter) =>
      (await paymentListPage(db(), { accountId, filters: { customer, status } })).rows.map((r) => r.id);
    expect(await ids()).toEqual([refunded.id, first.id]);
    expect(await ids('refunded')).toEqual([refunded.id]);
  });

  it('pages of 2 through 5 payments: each once, older then newer back to the first page', async () => {
    const shop = await newShop(db());
    const accountId = shop.accountId;
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await payment(shop)).id);
    const newestFirst = [...made].reverse();
    const { paymentListPage } = await lists();
    const page1 = await paymentListPage(db(), { accountId, filters: {}, limit: 2 });
    expect(page1.rows.map((r) => r.id)).toEqual(newestFirst.slice(0, 2));
    expect(page1.newer).toBeNull();
    const page2 = await paymentListPage(db(), { accountId, filters: { after: page1.older ?? undefined }, limit: 2 });
    expect(page2.rows.map((r) => r.id)).toEqual(newestFirst.slice(2, 4));
    const page3 = await paymentListPage(db(), { accountId, filters: { after: page2.older ?? undefined }, limit: 2 });
    expect(page3.rows.map((r) => r.id)).toEqual(newestFirst.slice(4));
    expect(page3.older).toBeNull();
    const back = await paymentListPage(db(), { accountId, filters: { before: page2.newer ?? undefined }, limit: 2 });
    expect(back.rows.map((r) => r.id)).toEqual(newestFirst.slice(0, 2));
    expect(back.newer).toBeNull();
  });
});

describe('payment detail', () => {
  it('shows refunds newest first, leaves out a dispute not opened yet, and says what is left to refund', async () => {
    const shop = await newShop(db());
    // The disputed card's dispute is announced at payment, and opens only when the sweep runs 3 s later.
    const m = await payment(shop, { with: { card: 'disputed' }, refunds: [1000, 500] });
    const [older, newer] = m.refundIds;
    const { paymentDetail } = await details();
    const detail = await paymentDetail(db(), { accountId: m.accountId, id: m.id });
    expect(detail?.refunds.map((r) => r.id)).toEqual([newer, older]);
    expect(detail?.dispute).toBeNull();
    expect(detail?.refundable).toBe(1000);
    expect(detail?.capturable).toBe(0);
    expect(detail?.sessionId).toBe(m.sessionId);
    expect(detail?.charge.receiptUrl).toMatch(new RegExp(`/receipts/${m.id}/`));
    expect(await paymentDetail(db(), { accountId: (await newShop(db())).accountId, id: m.id })).toBeNull();
  });

  it('an open chargeback leaves nothing to refund; an inquiry still lets the merchant refund', async () => {
    const shop = await newShop(db());
    const { paymentDetail } = await details();
    const chargeback = await payment(shop, { with: { card: 'disputed' }, openDispute: true });
    // The test processor opens only chargebacks: the inquiry is written as a processor would open one.
    const inquiry = await payment(shop);
    await updateChargeFields(db(), { accountId: shop.accountId, id: inquiry.id, set: { disputed: true } });
    await insertDispute(db(), {
      id: newId('dp'),
      accountId: shop.accountId,
      chargeId: inquiry.id,
      paymentIntentId: inquiry.intentId,
      amount: 2500,
      currency: 'eur',
      status: 'warning_needs_response',
      reason: 'fraudulent',
    });
    for (const [m, status, refundable] of [
      [chargeback, 'needs_response', 0],
      [inquiry, 'warning_needs_response', 2500],
    ] as const) {
      const detail = await paymentDetail(db(), { accountId: shop.accountId, id: m.id });
      expect(detail?.dispute).toMatchObject({ status, answerable: true });
      expect(detail?.refundable, status).toBe(refundable);
    }
  });

  it('an authorization waiting for capture can be captured up to its amount and refunds nothing', async () => {
    const shop = await newShop(db());
    const m = await payment(shop, { with: AUTHORIZED });
    const { paymentDetail } = await details();
    const detail = await paymentDetail(db(), { accountId: shop.accountId, id: m.id });
    expect(detail?.charge.label).toBe('uncaptured');
    expect(detail?.capturable).toBe(2500);
    expect(detail?.refundable).toBe(0);
  });
});

describe('paymentLabel', () => {
  it('a refund that fails gives its amount back: the payment reads as succeeded again', () => {
    const base = { status: 'succeeded' as const, captured: true, disputed: false, amountCaptured: 2500 };
    expect(paymentLabel({ ...base, amountRefunded: 0 }, 'succeeded')).toBe('succeeded');
    expect(paymentLabel({ ...base, amountRefunded: 2500 }, 'succeeded')).toBe('refunded');
  });
});
