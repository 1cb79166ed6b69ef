// Test support only: a subscription whose renewal went unpaid, through the same functions as the page and the billing job.
import type { Db } from '@/db/client';
import { findInvoice, type InvoiceRow } from '@/db/queries/invoices';
import { findSubscription, type SubscriptionRow } from '@/db/queries/subscriptions';
import { invoices } from '@/db/schema';
import { and, desc, eq } from 'drizzle-orm';
import { present } from '@/lib/util/present';
import { runDueBilling } from '../renewals/run-due-billing';
import { BILLING_CARDS, subscribe } from './subscribed';

const DAY = 86_400_000;

/**
 * A subscription bought at `now` with a 7-day trial and a card that only saves (so checkout charges
 * nothing), then billed at the trial's end: its first cycle invoice is declined and left open, a retry
 * scheduled, the subscription past due. Returns the three as they then are, and when the trial ended.
 */
export async function unpaidRenewal(db: Db, now: Date): Promise<{ subscription: SubscriptionRow; invoice: InvoiceRow; trialEnd: Date }> {
  const { shop, subscriptionId } = await subscribe(db, {
    now,
    card: BILLING_CARDS.attachOnly,
    subscriptionData: { trial_period_days: '7' },
  });
  const scope = { accountId: shop.accountId };
  const trialEnd = new Date(now.getTime() + 7 * DAY);
  await runDueBilling(db, { scope: { clock: null }, now: trialEnd });
  const latest = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.accountId, scope.accountId), eq(invoices.subscriptionId, subscriptionId)))
    .orderBy(desc(invoices.seq))
    .limit(1);
  return {
    subscription: present(await findSubscription(db, { ...scope, id: subscriptionId }), 'the subscription'),
    invoice: present(await findInvoice(db, { ...scope, id: present(latest.at(0), 'the renewal invoice').id }), 'the renewal invoice'),
    trialEnd,
  };
}
