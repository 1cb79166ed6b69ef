import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import { attachInvoiceItems, pendingInvoiceItemsOf } from '@/db/queries/invoice-items';
import { findInvoice, invoiceLines } from '@/db/queries/invoices';
import { findSubscription, lockSubscription, subscriptionItemsOf } from '@/db/queries/subscriptions';
import { parseParams } from '@/lib/api/parse-params';
import { createCoupon } from '@/lib/catalog/coupons';
import { createPrice } from '@/lib/catalog/prices';
import { createProduct } from '@/lib/catalog/products';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { newShop } from '@/lib/checkout/testing/checkout-world';
import { present } from '@/lib/util/present';
import { createCouponSchema } from '@/lib/validation/coupons';
import { createPriceSchema } from '@/lib/validation/prices';
import { createProductSchema } from '@/lib/validation/products';
import { unix } from '@/lib/util/time';
import { previewInvoice } from '../invoices/preview-invoice';
import { runDueBilling } from '../renewals/run-due-billing';
import { subscribe } from '../testing/subscribed';
import { changeSubscriptionItems, type ItemChange, type ProrationBehavior } from './change-items';

const database = useCheckoutDatabase('change_items');

const JAN_1 = new Date('2027-01-01T00:00:00Z');
const DAY = 86_400_000;
const daysIn = (n: number) => new Date(JAN_1.getTime() + n * DAY);

async function monthly(db: Db, accountId: string, name: string, unitAmount: number): Promise<string> {
  const product = await createProduct(db, { accountId }, parseParams(createProductSchema, { name }));
  const params = { product: product.id, unit_amount: String(unitAmount), currency: 'eur', recurring: { interval: 'month' } };
  return (await createPrice(db, { accountId }, parseParams(createPriceSchema, params))).id;
}

/** A subscription bought on Jan 1 of one €30.00/month price (its period: 31 days), with its one item. */
async function subscribed(db: Db, p: { trialDays?: number; percentOff?: string } = {}) {
  const shop = await newShop(db);
  const coupon = p.percentOff
    ? await createCoupon(
        db,
        { accountId: shop.accountId },
        parseParams(createCouponSchema, { percent_off: p.percentOff, duration: 'forever' }),
      )
    : null;
  const bought = await subscribe(db, {
    shop,
    now: JAN_1,
    unitAmount: 3000,
    ...(p.trialDays && { subscriptionData: { trial_period_days: String(p.trialDays) } }),
    ...(coupon && { discounts: [{ coupon: coupon.id }] }),
  });
  const sub = present(await findSubscription(db, { accountId: shop.accountId, id: bought.subscriptionId }), 'the subscription');
  const [item] = await subscriptionItemsOf(db, { accountId: shop.accountId, subscriptionIds: [sub.id] });
  return { shop, sub, item, price: bought.priceId };
}

type Change = { changes: ItemChange[]; behavior?: ProrationBehavior };

/** Runs a change as the API does: in a transaction, under the subscription's lock, at `now`. */
async function change(db: Db, subId: string, accountId: string, c: Change, now: Date) {
  return db.transaction(async (tx) => {
    const sub = present(await lockSubscription(tx, { accountId, id: subId }), 'the subscription');
    return changeSubscriptionItems(tx, sub, c.changes, { prorationBehavior: c.behavior, now });
  });
}

describe('changing a subscription’s items (lib, on a database of its own)', () => {
  it('without proration_date, a change prorates at its own moment; the renewal takes the pending items once, oldest first', async () => {
    const db = database();
    const { shop, sub, item } = await subscribed(db);
    const pro = await monthly(db, shop.accountId, 'Pro', 6000);
    await change(db, sub.id, shop.accountId, { changes: [{ action: 'update', param: '', id: item.id, price: pro }] }, daysIn(10));

    await db.transaction(async (tx) => {
      await lockSubscription(tx, { accountId: shop.accountId, id: sub.id });
      const pending = await pendingInvoiceItemsOf(tx, sub.id);
      // 21 of January's 31 days are left: 3000 × 21/31 = 2032.26, 6000 × 21/31 = 4064.52.
      expect(pending.map((i) => [i.amount, i.periodStart.toISOString(), i.proration, i.discountable])).toEqual([
        [-2032, daysIn(10).toISOString(), true, false],
        [4065, daysIn(10).toISOString(), true, false],
      ]);
      await attachInvoiceItems(
        tx,
        pending.map((i) => i.id),
        'in_renewal',
      );
      expect(await pendingInvoiceItemsOf(tx, sub.id)).toEqual([]);
      await expect(
        attachInvoiceItems(
          tx,
          pending.map((i) => i.id),
          'in_other',
        ),
      ).rejects.toThrow(/no longer pending/);
    });
  });

  it('while the subscription is trialing nothing was charged, so nothing is prorated; the price still changes', async () => {
    const db = database();
    const { shop, sub, item } = await subscribed(db, { trialDays: 14 });
    expect(sub.status).toBe('trialing');
    const pro = await monthly(db, shop.accountId, 'Pro', 6000);
    const { itemIds } = await change(
      db,
      sub.id,
      shop.accountId,
      { changes: [{ action: 'update', param: '', id: item.id, price: pro }] },
      daysIn(3),
    );
    expect(await pendingInvoiceItemsOf(db, sub.id, { lock: false })).toEqual([]);
    expect((await subscriptionItemsOf(db, { accountId: shop.accountId, subscriptionIds: [sub.id] })).map((i) => [i.id, i.priceId])).toEqual(
      [[itemIds[0], pro]],
    );
  });

  it('a percent-off discount is inside the prorations, which name it and are not discountable again', async () => {
    const db = database();
    const { shop, sub, item } = await subscribed(db, { percentOff: '25' });
    const pro = await monthly(db, shop.accountId, 'Pro', 6000);
    await change(db, sub.id, shop.accountId, { changes: [{ action: 'update', param: '', id: item.id, price: pro }] }, daysIn(10));
    const discount = present(sub.discount, 'the discount');
    // 2032.26 × 0.75 = 1524.19; 4064.52 × 0.75 = 3048.39.
    expect((await pendingInvoiceItemsOf(db, sub.id, { lock: false })).map((i) => [i.amount, i.discountIds, i.discountable])).toEqual([
      [-1524, [discount.id], false],
      [3048, [discount.id], false],
    ]);
  });

  it('always_invoice: a downgrade leaves a credit on the customer, which the next upgrade’s invoice uses first', async () => {
    const db = database();
    const { shop, sub, item, price } = await subscribed(db);
    const cheap = await monthly(db, shop.accountId, 'Lite', 1000);
    const down = await change(
      db,
      sub.id,
      shop.accountId,
      { changes: [{ action: 'update', param: '', id: item.id, price: cheap }], behavior: 'always_invoice' },
      daysIn(10),
    );
    const credit = present(down.invoice, 'the downgrade’s invoice');
    // 1000 × 21/31 = 677.42 → 677; 3000 × 21/31 → 2032.
    expect([credit.status, credit.total, credit.amountDue, credit.endingBalance]).toEqual(['paid', 677 - 2032, 0, 677 - 2032]);
    const up = await change(
      db,
      sub.id,
      shop.accountId,
      { changes: [{ action: 'update', param: '', id: item.id, price }], behavior: 'always_invoice' },
      daysIn(20),
    );
    const owed = present(up.invoice, 'the upgrade’s invoice');
    // 11 days left: 3000 × 11/31 = 1064.52 → 1065; 1000 × 11/31 = 354.84 → 355.
    expect([owed.total, owed.startingBalance, owed.amountDue, owed.status, owed.billingReason]).toEqual([
      1065 - 355,
      677 - 2032,
      0,
      'paid',
      'subscription_update',
    ]);
    expect((await findCustomer(db, { accountId: shop.accountId, id: sub.customerId }))?.balance).toBe(677 - 2032 + 1065 - 355);
  });

  it('two changes of one subscription at once wait for each other: both apply, and the prorations add up to the net change', async () => {
    const db = database();
    const { shop, sub, item } = await subscribed(db);
    const extra = await monthly(db, shop.accountId, 'Extra', 900);
    const at = daysIn(10);
    await Promise.all([
      change(db, sub.id, shop.accountId, { changes: [{ action: 'update', param: '', id: item.id, quantity: 3 }] }, at),
      change(db, sub.id, shop.accountId, { changes: [{ action: 'add', param: '', price: extra }] }, at),
    ]);
    const items = await subscriptionItemsOf(db, { accountId: shop.accountId, subscriptionIds: [sub.id] });
    expect(items.map((i) => [i.priceId, i.quantity])).toEqual([
      [item.priceId, 3],
      [extra, 1],
    ]);
    const pending = await pendingInvoiceItemsOf(db, sub.id, { lock: false });
    // Whatever the order: +2 × 3000 × 21/31 (as 9000 − 3000 prorated) and +900 × 21/31.
    const total = pending.reduce((s, i) => s + i.amount, 0);
    expect(total).toBe(Math.round((9000 * 21) / 31) - Math.round((3000 * 21) / 31) + Math.round((900 * 21) / 31));
  });

  it('the renewal after a change bills its prorations first, then the period at the new price, and takes a credit left on the customer', async () => {
    const db = database();
    const { shop, sub, item } = await subscribed(db);
    const pro = await monthly(db, shop.accountId, 'Pro', 6000);
    const lite = await monthly(db, shop.accountId, 'Lite', 1000);
    // A downgrade invoiced at once leaves 677 − 2032 = −1355 on the customer; an upgrade back is left pending.
    await change(
      db,
      sub.id,
      shop.accountId,
      { changes: [{ action: 'update', param: '', id: item.id, price: lite }], behavior: 'always_invoice' },
      daysIn(10),
    );
    await change(db, sub.id, shop.accountId, { changes: [{ action: 'update', param: '', id: item.id, price: pro }] }, daysIn(20));
    const [credit, charge] = await pendingInvoiceItemsOf(db, sub.id, { lock: false });
    // 11 days left: 1000 × 11/31 = 354.84 → 355; 6000 × 11/31 = 2129.03 → 2129.
    expect([credit.amount, charge.amount]).toEqual([-355, 2129]);

    const preview = await previewInvoice(db, { accountId: shop.accountId }, { subscription: sub.id }, daysIn(25));

    await runDueBilling(db, { scope: { clock: null }, now: sub.currentPeriodEnd });
    const renewed = present(await findSubscription(db, { accountId: shop.accountId, id: sub.id }), 'the subscription');
    const invoice = present(
      await findInvoice(db, { accountId: shop.accountId, id: present(renewed.latestInvoiceId, 'its invoice') }),
      'the invoice',
    );
    const lines = await invoiceLines(db, { accountId: shop.accountId, invoiceId: invoice.id });
    expect(lines.map((l) => [l.amount, l.proration, l.invoiceItemId])).toEqual([
      [-355, true, credit.id],
      [2129, true, charge.id],
      [6000, false, null],
    ]);
    expect(lines.at(-1)?.priceId).toBe(pro);
    // What the preview showed is what the renewal billed.
    expect(preview.lines.data.map((l) => [l.amount, l.description, l.period])).toEqual(
      lines.map((l) => [l.amount, l.description, { start: unix(l.periodStart), end: unix(l.periodEnd) }]),
    );
    const total = -355 + 2129 + 6000;
    expect([invoice.billingReason, invoice.total, invoice.startingBalance, invoice.amountDue, invoice.endingBalance]).toEqual([
      'subscription_cycle',
      total,
      -1355,
      total - 1355,
      0,
    ]);
    expect([preview.total, preview.starting_balance, preview.amount_due]).toEqual([
      invoice.total,
      invoice.startingBalance,
      invoice.amountDue,
    ]);
    expect(await pendingInvoiceItemsOf(db, sub.id, { lock: false })).toEqual([]);
    expect((await findCustomer(db, { accountId: shop.accountId, id: sub.customerId }))?.balance).toBe(0);
  });
});
