import type { Tx } from '@/db/client';
import { insertInvoiceItems } from '@/db/queries/invoice-items';
import type { InvoiceRow } from '@/db/queries/invoices';
import { updateSubscriptionItemFields } from '@/db/queries/subscription-items';
import { insertSubscriptionItems, updateSubscriptionFields, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { ScopeRequest } from '@/db/scope';
import { previousAttributes } from '@/lib/events/record-event';
import { recordEvent } from '@/lib/events/record-event';
import { invoiceItemObjects } from '../invoice-items/invoice-item-reads';
import { announceNewInvoice } from '../invoices/announce-invoice';
import { invoicePendingItems } from '../invoices/invoice-pending-items';
import { subscriptionObject } from '../subscription-reads';
import { planItemChanges, type ChangeOptions, type ItemChange, type ItemPlan } from './plan-item-changes';
import { prorationItems } from './proration-items';
import { recordSubscriptionEvent } from './subscription-events';

export type { ItemChange, ChangeOptions, ProrationBehavior } from './plan-item-changes';

/** Writes the items a plan leaves: new ones inserted, changed ones updated, removed ones marked deleted. */
async function applyItems(tx: Tx, plan: ItemPlan): Promise<void> {
  const { sub, now } = plan;
  await insertSubscriptionItems(
    tx,
    plan.items
      .filter((i) => !i.before)
      .map((i) => ({
        id: i.id,
        accountId: sub.accountId,
        subscriptionId: sub.id,
        priceId: i.priceId,
        quantity: i.quantity,
        taxRateIds: i.taxRateIds,
        metadata: i.metadata,
        createdAt: now,
      })),
  );
  for (const i of plan.items) {
    const b = i.before;
    if (!b) continue;
    const same =
      b.priceId === i.priceId &&
      b.quantity === i.quantity &&
      JSON.stringify(b.taxRateIds) === JSON.stringify(i.taxRateIds) &&
      JSON.stringify(b.metadata) === JSON.stringify(i.metadata);
    if (!same)
      await updateSubscriptionItemFields(tx, {
        accountId: sub.accountId,
        id: i.id,
        set: { priceId: i.priceId, quantity: i.quantity, taxRateIds: i.taxRateIds, metadata: i.metadata },
      });
  }
  for (const d of plan.deleted) await updateSubscriptionItemFields(tx, { accountId: sub.accountId, id: d.id, set: { deletedAt: now } });
}

/**
 * Changes a subscription's items (add, change price or quantity, remove) as Stripe's subscription and
 * subscription item updates do, `sub` being locked by the caller (`lockSubscription`): the prorations
 * become pending invoice items for the next invoice (`create_prorations`, the default), or are invoiced at
 * once with the other pending items (`always_invoice`: a finalized `subscription_update` invoice, due now),
 * or are not made (`none`). Records `invoiceitem.created` for each proration and
 * `customer.subscription.updated` with what changed. Returns the subscription as it is now, the ids the
 * items have (new ones included), and the invoice made, if any.
 */
export async function changeSubscriptionItems(
  tx: Tx,
  sub: SubscriptionRow,
  changes: ItemChange[],
  opts: ChangeOptions & { request?: ScopeRequest },
): Promise<{ subscription: SubscriptionRow; itemIds: string[]; invoice: InvoiceRow | null }> {
  const before = await subscriptionObject(tx, sub);
  const plan = await planItemChanges(tx, sub, changes, opts);
  await applyItems(tx, plan);
  const created = await insertInvoiceItems(tx, prorationItems(plan));
  for (const object of await invoiceItemObjects(tx, sub.accountId, created))
    await recordEvent(tx, { accountId: sub.accountId, type: 'invoiceitem.created', object, request: opts.request });
  let subscription = sub;
  let invoice: InvoiceRow | null = null;
  if (plan.behavior === 'always_invoice' && created.length) {
    invoice = await invoicePendingItems(tx, sub, { now: plan.now, request: opts.request });
    subscription = await updateSubscriptionFields(tx, { accountId: sub.accountId, id: sub.id, set: { latestInvoiceId: invoice.id } });
  }
  const after = await subscriptionObject(tx, subscription);
  await recordSubscriptionEvent(tx, 'customer.subscription.updated', subscription, previousAttributes(before, after), opts.request);
  if (invoice) await announceNewInvoice(tx, invoice);
  return { subscription, itemIds: plan.items.map((i) => i.id), invoice };
}
