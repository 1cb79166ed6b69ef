import { describe, expect, it } from 'vitest';
import { findInvoice, lockInvoice } from '@/db/queries/invoices';
import { findSubscription, lockSubscription } from '@/db/queries/subscriptions';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { unpaidRenewal } from '../testing/unpaid-renewal';
import { cancelSubscriptionNow } from './cancel-subscription';

// Recording an invoice's payment locks the invoice, then its subscription (record-invoice-outcome.ts);
// canceling now holds the subscription and then touches its open invoices. Were the cancel to wait for an
// invoice lock, the two would deadlock. Only Postgres has concurrent transactions that wait on each
// other's row locks (PGlite is one connection), so this runs there only.
const db = useCheckoutDatabase('caisse_cancel_lock_order');
const BOUGHT_AT = new Date('2026-05-02T10:00:00Z');

describe.skipIf(!process.env.DATABASE_URL)('canceling now on one Postgres', () => {
  it('while a payment of its open invoice is being recorded (invoice locked, subscription next) → the cancel skips that invoice and ends without waiting; the payment then goes on', async () => {
    const { subscription, invoice: open, trialEnd } = await unpaidRenewal(db(), BOUGHT_AT);

    let invoiceHeld = () => {};
    const holdsInvoice = new Promise<void>((resolve) => (invoiceHeld = resolve));
    let goOn = () => {};
    const turn = new Promise<void>((resolve) => (goOn = resolve));
    const recording = db().transaction(async (tx) => {
      await lockInvoice(tx, open);
      invoiceHeld();
      await turn;
      return lockSubscription(tx, subscription);
    });
    await holdsInvoice;

    // Ends while the invoice is still held: waiting for it here would never end, as `recording` waits for this test.
    const canceled = await db().transaction((tx) => cancelSubscriptionNow(tx, subscription, { now: trialEnd }));
    expect(canceled.status).toBe('canceled');
    goOn();
    expect(await recording).toMatchObject({ id: subscription.id, status: 'canceled' });

    expect(await findSubscription(db(), subscription)).toMatchObject({ status: 'canceled' });
    // Left to the payment's outcome: still collected.
    expect(await findInvoice(db(), open)).toMatchObject({ status: 'open', autoAdvance: true, nextPaymentAttempt: open.nextPaymentAttempt });
  });
});
