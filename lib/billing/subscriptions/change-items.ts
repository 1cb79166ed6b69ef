import type { Db, Tx } from '@/db/client';
import { insertInvoiceItems } from '@/db/queries/invoice-items';
import type { InvoiceRow } from '@/db/queries/invoices';
import { updateSubscriptionItemFields } from '@/db/queries/subscription-items';
import { insertSubscriptionItems, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { ScopeRequest } from '@/db/scope';
import { recordEvent } from '@/lib/events/record-event';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { invoiceItemObjects } from '../invoice-items/invoice-item-reads';
import { announceNewInvoice } from '../invoices/announce-invoice';
import { invoicePendingItems } from '../invoices/invoice-pending-items';
import { payInvoiceOffSession } from '../invoices/pay-invoice';
import { subscriptionObject } from '../subscription-reads';
import { planItemChanges, type ChangeOptions, type ItemChange, type ItemPlan } from './plan-item-changes';
import { prorationItems } from './proration-items';
import { changeSubscription } from './update-subscription';

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

/** What the items' part of a change made: the items' ids (new ones included), its invoice if any, and when it was made. */
export type ItemsApplied = { itemIds: string[]; invoice: InvoiceRow | null; now: Date };

/**
 * The items' part of a subscription change, `sub` being locked by the caller (`lockSubscription`): the
 * items change as planned (planItemChanges), the prorations become pending invoice items for the next
 * invoice (`create_prorations`, the default), or are invoiced at once with the other pending items
 * (`always_invoice`: a finalized `subscription_update` invoice, due now), or are not made (`none`), and
 * `invoiceitem.created` is recorded for each. The caller records the subscription's own change, once, with
 * changeSubscription (latest_invoice set to the invoice, if any) given the subscription as it was before,
 * then announces the invoice: changeSubscriptionItems does all of it for a change of items alone.
 */
export async function applyItemChanges(
  tx: Tx,
  sub: SubscriptionRow,
  changes: ItemChange[],
  opts: ChangeOptions & { request?: ScopeRequest },
): Promise<ItemsApplied> {
  const plan = await planItemChanges(tx, sub, changes, opts);
  await applyItems(tx, plan);
  const created = await insertInvoiceItems(tx, prorationItems(plan));
  for (const object of await invoiceItemObjects(tx, sub.accountId, created))
    await recordEvent(tx, { accountId: sub.accountId, type: 'invoiceitem.created', object, request: opts.request });
  const invoice =
    plan.behavior === 'always_invoice' && created.length
      ? await invoicePendingItems(tx, sub, { now: plan.now, request: opts.request })
      : null;
  return { itemIds: plan.items.map((i) => i.id), invoice, now: plan.now };
}

/**
 * A change of a subscription's items alone (/v1/subscription_items): applyItemChanges, then
 * `customer.subscription.updated` with what changed, then the invoice's events. Returns the subscription as
 * it is now too; once the transaction commits, `chargeChangeInvoice` attempts the invoice's payment.
 */
export async function changeSubscriptionItems(
  tx: Tx,
  sub: SubscriptionRow,
  changes: ItemChange[],
  opts: ChangeOptions & { request?: ScopeRequest },
): Promise<ItemsChanged> {
  const before = await subscriptionObject(tx, sub);
  const applied = await applyItemChanges(tx, sub, changes, opts);
  const { invoice } = applied;
  const set = invoice ? { latestInvoiceId: invoice.id } : {};
  const subscription = await changeSubscription(tx, sub, set, 'customer.subscription.updated', opts.request, before);
  if (invoice) await announceNewInvoice(tx, invoice);
  return { ...applied, subscription };
}

export type ItemsChanged = ItemsApplied & { subscription: SubscriptionRow };

/**
 * After a change committed: its `always_invoice` invoice, when something is left to pay, is charged at once
 * with the saved card, off session, as Stripe attempts it (`payment_behavior=allow_incomplete`: a decline
 * leaves the change made, the invoice open on its retry schedule and the subscription past due). Should
 * this process stop first, the invoice is due now and the payment sweep charges it.
 */
export async function chargeChangeInvoice(
  db: Db,
  changed: { invoice: InvoiceRow | null; now: Date },
  processor?: PaymentProcessor,
): Promise<void> {
  const invoice = changed.invoice;
  if (invoice?.status !== 'open') return;
  await payInvoiceOffSession(db, { accountId: invoice.accountId, invoiceId: invoice.id, automatic: true, now: changed.now, processor });
}
