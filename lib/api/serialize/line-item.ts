import type { LineItemRow } from '@/db/queries/checkout-sessions';
import type { PriceRow } from '@/db/queries/prices';
import { serializePrice } from './price';

type Obj = Record<string, unknown>;
// As lib/checkout/pricing-columns.ts writes them; rows stored before taxable_amount was kept lack it.
type StoredDiscount = { amount: number; discount: string };
type StoredTax = { amount: number; rate: string; taxable_amount?: number };

/**
 * Stripe's LineItem (`object: 'item'`). Its taxes carry the whole TaxRate and
 * its discounts the whole Discount, looked up in the maps the caller loaded.
 */
export function serializeLineItem(
  line: LineItemRow,
  price: PriceRow,
  currency: string,
  refs: { taxRates: Map<string, Obj>; taxabilityReasons: Map<string, string | null>; discounts: Map<string, Obj> },
) {
  return {
    id: line.id,
    object: 'item' as const,
    adjustable_quantity: line.adjustableQuantity,
    amount_discount: line.amountDiscount,
    amount_subtotal: line.amountSubtotal,
    amount_tax: line.amountTax,
    amount_total: line.amountTotal,
    currency,
    description: line.description,
    discounts: (line.discounts as StoredDiscount[]).map((d) => ({
      amount: d.amount,
      discount: refs.discounts.get(d.discount) ?? d.discount,
    })),
    metadata: line.metadata,
    price: serializePrice(price),
    quantity: line.quantity,
    taxes: (line.taxes as StoredTax[]).map((t) => ({
      amount: t.amount,
      rate: refs.taxRates.get(t.rate) ?? t.rate,
      taxability_reason: refs.taxabilityReasons.get(t.rate) ?? null,
      taxable_amount: t.taxable_amount ?? null,
    })),
  };
}
