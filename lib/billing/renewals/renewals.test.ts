import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findSubscription } from '@/db/queries/subscriptions';
import { setCancelAtPeriodEnd } from '../subscriptions/cancel-subscription';
import { charges, events, invoiceLineItems, invoices, paymentIntents } from '@/db/schema';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { present } from '@/lib/util/present';
import { BILLING_CARDS, subscribe } from '../testing/subscribed';
import { runDueBilling } from './run-due-billing';

const db = useCheckoutDatabase('caisse_renewals');
const DAY = 86_400_000;

const subscriptionOf = async (accountId: string, id: string) =>
  present(await findSubscription(db(), { accountId, id }), 'the subscription');

const invoicesOf = (subscriptionId: string) =>
  db().select().from(invoices).where(eq(invoices.subscriptionId, subscriptionId)).orderBy(asc(invoices.seq));

const eventTypes = async (accountId: string) =>
  (await db().select({ type: events.type }).from(events).where(eq(events.accountId, accountId)).orderBy(asc(events.seq))).map(
    (e) => e.type,
  );

/** Runs real-time billing at each moment in turn, as the job would if it woke then. */
async function billAt(...moments: Date[]) {
  for (const now of moments) await runDueBilling(db(), { scope: { clock: null }, now });
}

describe('renewals', () => {
  it('a monthly subscription bought on Jan 31 renews twelve times on the last day of each month, each invoice paid once at its price', async () => {
    const start = new Date('2031-01-31T10:00:00Z');
    const { shop, subscriptionId } = await subscribe(db(), { now: start, unitAmount: 900, quantity: 2 });
    let sub = await subscriptionOf(shop.accountId, subscriptionId);
    for (let i = 0; i < 12; i++) {
      await billAt(sub.currentPeriodEnd);
      sub = await subscriptionOf(shop.accountId, subscriptionId);
    }
    const all = await invoicesOf(subscriptionId);
    expect(all.map((i) => i.billingReason)).toEqual(['subscription_create', ...Array<string>(12).fill('subscription_cycle')]);
    expect(all.every((i) => i.status === 'paid' && i.amountPaid === 1800 && i.amountRemaining === 0)).toBe(true);
    // Numbers are sequential per account, none skipped.
    expect(all.map((i) => Number(i.number?.split('-')[1]))).toEqual(Array.from({ length: 13 }, (_, k) => k + 1));
    // Each cycle invoice covers the period that just ended; its line the period that begins (Jan 31 anchor, clamped).
    const lineEnds = [];
    for (const inv of all.slice(1)) {
      const [line] = await db().select().from(invoiceLineItems).where(eq(invoiceLineItems.invoiceId, inv.id));
      lineEnds.push(present(line, 'a line').periodEnd.toISOString().slice(0, 10));
    }
    expect(lineEnds).toEqual([
      '2031-03-31',
      '2031-04-30',
      '2031-05-31',
      '2031-06-30',
      '2031-07-31',
      '2031-08-31',
      '2031-09-30',
      '2031-10-31',
      '2031-11-30',
      '2031-12-31',
      '2032-01-31',
      '2032-02-29',
    ]);
    expect(sub).toMatchObject({ status: 'active', latestInvoiceId: all.at(-1)?.id });
    const paid = await db()
      .select()
      .from(paymentIntents)
      .where(and(eq(paymentIntents.accountId, shop.accountId), eq(paymentIntents.status, 'succeeded')));
    expect(paid).toHaveLength(13);
    expect(await db().select().from(charges).where(eq(charges.accountId, shop.accountId))).toHaveLength(13);
  });

  it('two processes billing at the same moment → each period is invoiced and charged once', async () => {
    const start = new Date('2031-03-01T00:00:00Z');
    const { shop, subscriptionId } = await subscribe(db(), { now: start });
    const sub = await subscriptionOf(shop.accountId, subscriptionId);
    const at = sub.currentPeriodEnd;
    await Promise.all([billAt(at), billAt(at), billAt(at)]);
    const all = await invoicesOf(subscriptionId);
    expect(all).toHaveLength(2);
    expect(await db().select().from(charges).where(eq(charges.accountId, shop.accountId))).toHaveLength(2);
  });

  it('a trial ending with a card that declines → past_due, retried 3, 5 and 7 days later, then canceled; trial_will_end sent once, 3 days ahead', async () => {
    const start = new Date('2031-05-01T12:00:00Z');
    const { shop, subscriptionId } = await subscribe(db(), {
      now: start,
      card: BILLING_CARDS.attachOnly,
      subscriptionData: { trial_period_days: '14' },
    });
    const trialEnd = new Date(start.getTime() + 14 * DAY);
    expect(await subscriptionOf(shop.accountId, subscriptionId)).toMatchObject({ status: 'trialing', trialEnd });
    await billAt(new Date(trialEnd.getTime() - 4 * DAY), new Date(trialEnd.getTime() - 3 * DAY), new Date(trialEnd.getTime() - 2 * DAY));
    expect((await eventTypes(shop.accountId)).filter((t) => t === 'customer.subscription.trial_will_end')).toHaveLength(1);

    await billAt(trialEnd);
    const [first, cycle] = await invoicesOf(subscriptionId);
    expect(first).toMatchObject({ status: 'paid', amountDue: 0 });
    expect(cycle).toMatchObject({
      status: 'open',
      attemptCount: 1,
      amountRemaining: 900,
      nextPaymentAttempt: new Date(trialEnd.getTime() + 3 * DAY),
    });
    expect((await subscriptionOf(shop.accountId, subscriptionId)).status).toBe('past_due');

    // Nothing happens before a retry is due.
    await billAt(new Date(trialEnd.getTime() + 2 * DAY));
    expect((await invoicesOf(subscriptionId))[1]?.attemptCount).toBe(1);
    const retries = [3, 8, 15].map((d) => new Date(trialEnd.getTime() + d * DAY));
    for (const at of retries) await billAt(at);
    const [, exhausted] = await invoicesOf(subscriptionId);
    expect(exhausted).toMatchObject({ status: 'open', attemptCount: 4, nextPaymentAttempt: null });
    const ended = await subscriptionOf(shop.accountId, subscriptionId);
    expect(ended).toMatchObject({ status: 'canceled', cancellationDetails: { reason: 'payment_failed' } });
    const types = await eventTypes(shop.accountId);
    expect(types.filter((t) => t === 'invoice.payment_failed')).toHaveLength(4);
    expect(types.filter((t) => t === 'customer.subscription.deleted')).toHaveLength(1);
  });

  it('cancel at period end → the subscription ends at the boundary with no new invoice', async () => {
    const start = new Date('2031-06-10T00:00:00Z');
    const { shop, subscriptionId } = await subscribe(db(), { now: start });
    const before = await subscriptionOf(shop.accountId, subscriptionId);
    await db().transaction((tx) => setCancelAtPeriodEnd(tx, before, true, start));
    const sub = await subscriptionOf(shop.accountId, subscriptionId);
    expect(sub.cancelAtPeriodEnd).toBe(true);
    await billAt(sub.currentPeriodEnd);
    expect(await subscriptionOf(shop.accountId, subscriptionId)).toMatchObject({ status: 'canceled', endedAt: sub.currentPeriodEnd });
    expect(await invoicesOf(subscriptionId)).toHaveLength(1);
  });
});
