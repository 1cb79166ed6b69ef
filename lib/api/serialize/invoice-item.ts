import type { InvoiceItemRow } from '@/db/queries/invoice-items';
import type { TaxRateRow } from '@/db/queries/tax-rates';
import { unix } from '@/lib/util/time';
import { serializeTaxRate } from './tax-rate';

/** Stripe's InvoiceItem; `taxRates` are the item's own rates, in its order. */
export function serializeInvoiceItem(row: InvoiceItemRow, taxRates: TaxRateRow[]) {
  return {
    id: row.id,
    object: 'invoiceitem' as const,
    amount: row.amount,
    currency: row.currency,
    customer: row.customerId,
    customer_account: null,
    date: unix(row.createdAt),
    description: row.description,
    discountable: row.discountable,
    discounts: row.discountIds,
    invoice: row.invoiceId,
    livemode: row.livemode,
    metadata: row.metadata,
    net_amount: row.discountable ? null : row.amount,
    parent: row.subscriptionId
      ? {
          subscription_details: { subscription: row.subscriptionId, subscription_item: row.subscriptionItemId ?? undefined },
          type: 'subscription_details' as const,
        }
      : null,
    period: { end: unix(row.periodEnd), start: unix(row.periodStart) },
    pricing: row.priceId
      ? {
          price_details: { price: row.priceId, product: row.productId ?? '' },
          type: 'price_details' as const,
          unit_amount_decimal: row.unitAmountDecimal,
        }
      : null,
    proration: row.proration,
    proration_details: { credited_items: null, discount_amounts: [] },
    quantity: row.quantity,
    quantity_decimal: String(row.quantity),
    tax_rates: taxRates.map(serializeTaxRate),
    test_clock: row.testClockId,
  };
}
