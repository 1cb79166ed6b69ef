import type { InvoiceItemRow } from '@/db/queries/invoice-items';
import { newId } from '@/lib/util/ids';
import type { ItemPlan } from './plan-item-changes';

/** amount / quantity as Stripe's `unit_amount_decimal` (at most 12 decimals, no trailing zeros), or null for quantity 0. */
export function unitAmountDecimal(amount: number, quantity: number): string | null {
  if (quantity === 0) return null;
  const scale = 10n ** 12n;
  const scaled = (BigInt(Math.abs(amount)) * scale) / BigInt(quantity);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(12, '0').replace(/0+$/, '');
  return `${amount < 0 && scaled !== 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** An invoice item before it is written: every column but those the database or the account fill in. */
export type NewProrationItem = Omit<InvoiceItemRow, 'seq' | 'livemode' | 'metadata'>;

/**
 * The pending invoice items a planned change makes: one per proration line, over [the change, the period's
 * end), not discountable (any discount is inside the amount), with the item's own tax rates.
 */
export function prorationItems(plan: ItemPlan): NewProrationItem[] {
  const { sub } = plan;
  return plan.prorations.map((line) => ({
    id: newId('ii'),
    accountId: sub.accountId,
    customerId: sub.customerId,
    subscriptionId: sub.id,
    subscriptionItemId: line.ref.itemId,
    invoiceId: null,
    amount: line.amount,
    currency: sub.currency,
    description: line.description,
    periodStart: new Date(plan.at * 1000),
    periodEnd: sub.currentPeriodEnd,
    proration: true,
    quantity: line.quantity,
    priceId: line.ref.priceId,
    productId: line.ref.productId,
    unitAmountDecimal: unitAmountDecimal(line.amount, line.quantity),
    discountable: false,
    discountIds: line.ref.discountId ? [line.ref.discountId] : [],
    taxRateIds: line.ref.taxRateIds,
    testClockId: sub.testClockId,
    createdAt: plan.now,
  }));
}

/** The same items as rows that were never written, for a preview. */
export const unsavedItemRows = (items: NewProrationItem[]): InvoiceItemRow[] =>
  items.map((item, i) => ({ ...item, seq: -1 - i, livemode: false, metadata: {} }));
