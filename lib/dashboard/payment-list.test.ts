import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { NewChargeRow } from '@/db/queries/charges';
import type { PaymentIntentRow } from '@/db/queries/payment-intents';
import { useOwnDatabase } from '@/e2e/support/own-database';
import { newId } from '@/lib/util/ids';
import { PAYMENT_FILTERS, paymentLabel, type PaymentFilter } from './payment-status';

vi.mock('server-only', () => ({}));
// The payment page links the receipt, signed with the installation's key.
process.env.CAISSE_SECRET_KEY = randomBytes(32).toString('base64url');

let db: Db;
let drop: () => Promise<void> = async () => {};
beforeAll(async () => {
  drop = await useOwnDatabase('caisse_dash_payments');
  db = await (await import('@/db/client')).getDb();
});
afterAll(() => drop());

const lists = () => import('./payment-list');
const details = () => import('./payment-detail');

type Shape = {
  status?: 'pending' | 'succeeded' | 'failed';
  captured?: boolean;
  amountRefunded?: number;
  disputed?: boolean;
  intentStatus?: PaymentIntentRow['status'];
  customerId?: string;
};

/** A payment of `accountId` as the checkout leaves it (an intent, its session and its €25.00 charge), in the given state. */
async function payment(accountId: string, shape: Shape = {}) {
  const { insertPaymentIntent } = await import('@/db/queries/payment-intents');
  const { insertCharge } = await import('@/db/queries/charges');
  const captured = shape.captured ?? true;
  const intentId = newId('pi');
  const sessionId = `cs_test_${randomBytes(8).toString('hex')}`;
  await insertPaymentIntent(db, {
    id: intentId,
    accountId,
    amount: 2500,
    currency: 'eur',
    status: shape.intentStatus ?? (captured ? 'succeeded' : 'requires_capture'),
    checkoutSessionId: sessionId,
  });
  const charge: NewChargeRow = {
    id: newId('ch'),
    accountId,
    paymentIntentId: intentId,
    customerId: shape.customerId ?? null,
    amount: 2500,
    amountCaptured: captured ? 2500 : 0,
    amountRefunded: shape.amountRefunded ?? 0,
    currency: 'eur',
    status: shape.status ?? 'succeeded',
    captured,
    disputed: shape.disputed ?? false,
    card: {
      brand: 'visa',
      last4: '4242',
      exp_month: 12,
      exp_year: 2040,
      fingerprint: 'fp',
      funding: 'credit',
      country: 'US',
      three_d_secure: null,
    },
    billingDetails: { address: null, email: 'jenny@example.com', name: 'Jenny Rosen', phone: null, tax_id: null },
  };
  const row = await insertCharge(db, charge);
  return { id: row.id, intentId, sessionId, row };
}

const account = () => `acct_${randomBytes(6).toString('hex')}`;

describe('payments list filters', () => {
  it('each status tab lists exactly the payments labelled so, newest first; "all" lists every one', async () => {
    const accountId = account();
    const made = {
      succeeded: await payment(accountId),
      partially_refunded: await payment(accountId, { amountRefunded: 1000 }),
      refunded: await payment(accountId, { amountRefunded: 2500 }),
      disputed: await payment(accountId, { disputed: true }),
      uncaptured: await payment(accountId, { captured: false }),
      // An authorization released in full: neither uncaptured nor refunded.
      canceled: await payment(accountId, { captured: false, amountRefunded: 2500, intentStatus: 'canceled' }),
      pending: await payment(accountId, { status: 'pending', captured: false, intentStatus: 'processing' }),
    };
    const { paymentListPage } = await lists();
    const idsOf = async (status?: PaymentFilter) => (await paymentListPage(db, { accountId, filters: { status } })).rows.map((r) => r.id);

    for (const status of PAYMENT_FILTERS) expect(await idsOf(status), status).toEqual([made[status].id]);
    expect(await idsOf()).toEqual(
      Object.values(made)
        .map((m) => m.id)
        .reverse(),
    );

    const all = await paymentListPage(db, { accountId, filters: {} });
    const labels = Object.fromEntries(all.rows.map((r) => [r.id, r.label]));
    for (const [label, m] of Object.entries(made)) expect(labels[m.id], label).toBe(label);
  });

  it('a row says what the table shows: amount, refunded part, card, email and the session it came from', async () => {
    const accountId = account();
    const m = await payment(accountId, { amountRefunded: 500 });
    const { paymentListPage } = await lists();
    const [row] = (await paymentListPage(db, { accountId, filters: {} })).rows;
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
    const mine = account();
    const theirs = account();
    const own = await payment(mine);
    const other = await payment(theirs);
    await payment(theirs, { disputed: true });
    const { paymentListPage } = await lists();
    expect((await paymentListPage(db, { accountId: mine, filters: {} })).rows.map((r) => r.id)).toEqual([own.id]);
    expect((await paymentListPage(db, { accountId: mine, filters: { status: 'disputed' } })).rows).toEqual([]);
    // Their charge as a cursor reads as junk: the first page.
    expect((await paymentListPage(db, { accountId: mine, filters: { after: other.id } })).rows.map((r) => r.id)).toEqual([own.id]);
  });

  it('the customer filter keeps one customer’s payments, with the status filter too', async () => {
    const accountId = account();
    const customerId = newId('cus');
    const first = await payment(accountId, { customerId });
    const refunded = await payment(accountId, { customerId, amountRefunded: 2500 });
    await payment(accountId);
    const { paymentListPage } = await lists();
    const ids = async (status?: PaymentFilter) =>
      (await paymentListPage(db, { accountId, filters: { customer: customerId, status } })).rows.map((r) => r.id);
    expect(await ids()).toEqual([refunded.id, first.id]);
    expect(await ids('refunded')).toEqual([refunded.id]);
  });

  it('pages of 2 through 5 payments: each once, older then newer back to the first page', async () => {
    const accountId = account();
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await payment(accountId)).id);
    const newestFirst = [...made].reverse();
    const { paymentListPage } = await lists();
    const page1 = await paymentListPage(db, { accountId, filters: {}, limit: 2 });
    expect(page1.rows.map((r) => r.id)).toEqual(newestFirst.slice(0, 2));
    expect(page1.newer).toBeNull();
    const page2 = await paymentListPage(db, { accountId, filters: { after: page1.older ?? undefined }, limit: 2 });
    expect(page2.rows.map((r) => r.id)).toEqual(newestFirst.slice(2, 4));
    const page3 = await paymentListPage(db, { accountId, filters: { after: page2.older ?? undefined }, limit: 2 });
    expect(page3.rows.map((r) => r.id)).toEqual(newestFirst.slice(4));
    expect(page3.older).toBeNull();
    const back = await paymentListPage(db, { accountId, filters: { before: page2.newer ?? undefined }, limit: 2 });
    expect(back.rows.map((r) => r.id)).toEqual(newestFirst.slice(0, 2));
    expect(back.newer).toBeNull();
  });
});

describe('payment detail', () => {
  it('shows refunds newest first, leaves out a dispute not opened yet, and says what is left to refund', async () => {
    const accountId = account();
    const m = await payment(accountId, { amountRefunded: 1500 });
    const { insertRefund } = await import('@/db/queries/refunds');
    const { insertDispute } = await import('@/db/queries/disputes');
    const refund = (amount: number) =>
      insertRefund(db, {
        id: newId('re'),
        accountId,
        chargeId: m.id,
        paymentIntentId: m.intentId,
        amount,
        currency: 'eur',
        status: 'succeeded',
        reason: 'requested_by_customer',
      });
    const older = await refund(1000);
    const newer = await refund(500);
    await insertDispute(db, {
      id: newId('dp'),
      accountId,
      chargeId: m.id,
      paymentIntentId: m.intentId,
      amount: 2500,
      currency: 'eur',
      status: null,
      reason: 'fraudulent',
      pending: { status: 'needs_response' },
    });
    const { paymentDetail } = await details();
    const detail = await paymentDetail(db, { accountId, id: m.id });
    expect(detail?.refunds.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(detail?.dispute).toBeNull();
    expect(detail?.refundable).toBe(1000);
    expect(detail?.capturable).toBe(0);
    expect(detail?.sessionId).toBe(m.sessionId);
    expect(detail?.charge.receiptUrl).toMatch(new RegExp(`/receipts/${m.id}/`));
    expect(await paymentDetail(db, { accountId: account(), id: m.id })).toBeNull();
  });

  it('an open chargeback leaves nothing to refund; an inquiry still lets the merchant refund', async () => {
    const accountId = account();
    const { insertDispute } = await import('@/db/queries/disputes');
    const { paymentDetail } = await details();
    for (const [status, refundable] of [
      ['needs_response', 0],
      ['warning_needs_response', 2500],
    ] as const) {
      const m = await payment(accountId, { disputed: true });
      await insertDispute(db, {
        id: newId('dp'),
        accountId,
        chargeId: m.id,
        paymentIntentId: m.intentId,
        amount: 2500,
        currency: 'eur',
        status,
        reason: 'fraudulent',
      });
      const detail = await paymentDetail(db, { accountId, id: m.id });
      expect(detail?.dispute).toMatchObject({ status, answerable: true });
      expect(detail?.refundable, status).toBe(refundable);
    }
  });

  it('an authorization waiting for capture can be captured up to its amount and refunds nothing', async () => {
    const accountId = account();
    const m = await payment(accountId, { captured: false });
    const { paymentDetail } = await details();
    const detail = await paymentDetail(db, { accountId, id: m.id });
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
