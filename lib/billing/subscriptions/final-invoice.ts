import type { Tx } from '@/db/client';
import { insertInvoiceItems, pendingInvoiceItemsOf } from '@/db/queries/invoice-items';
import type { InvoiceRow } from '@/db/queries/invoices';
import { subscriptionItemsOf, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { ScopeRequest } from '@/db/scope';
import { recordEvent } from '@/lib/events/record-event';
import { invoiceItemObjects } from '../invoice-items/invoice-item-reads';
import { invoicePendingItems } from '../invoices/invoice-pending-items';
import { planItemChanges } from './plan-item-changes';
import { prorationItems } from './proration-items';

/**
 * `prorate=true` on a cancellation: the unused rest of the period, credited as pending proration invoice
 * items ("Unused time on …"), as if every item's quantity went to 0 now. Nothing during a trial, which was
 * not charged. The caller holds the subscription's lock, and it is still live.
 */
async function creditUnusedTime(tx: Tx, sub: SubscriptionRow, now: Date, request?: ScopeRequest): Promise<void> {
  const items = await subscriptionItemsOf(tx, { accountId: sub.accountId, subscriptionIds: [sub.id] });
  const changes = items.map((i) => ({ action: 'update' as const, param: '', id: i.id, quantity: 0 }));
  const plan = await planItemChanges(tx, sub, changes, { prorationBehavior: 'create_prorations', now });
  const created = await insertInvoiceItems(tx, prorationItems({ ...plan, prorations: plan.prorations.filter((l) => l.amount !== 0) }));
  for (const object of await invoiceItemObjects(tx, sub.accountId, created))
    await recordEvent(tx, { accountId: sub.accountId, type: 'invoiceitem.created', object, request });
}

/**
 * What DELETE /v1/subscriptions/:id bills before the subscription ends: with `prorate`, a credit for the
 * unused time; with `invoice_now`, a final invoice of every pending invoice item (those credits and any
 * proration waiting for the next renewal), finalized and due now — a credit larger than what is owed goes
 * to the customer's balance. Returns that invoice (null when none was asked for or nothing was pending);
 * the caller announces it once the subscription is canceled, and charges it after the commit.
 */
export async function billBeforeCancel(
  tx: Tx,
  sub: SubscriptionRow,
  p: { now: Date; prorate?: boolean; invoiceNow?: boolean; request?: ScopeRequest },
): Promise<InvoiceRow | null> {
  if (p.prorate) await creditUnusedTime(tx, sub, p.now, p.request);
  if (!p.invoiceNow || !(await pendingInvoiceItemsOf(tx, sub.id)).length) return null;
  return invoicePendingItems(tx, sub, { now: p.now, request: p.request });
}
