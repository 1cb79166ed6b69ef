import type { ShippingRateRow } from '@/db/queries/shipping-rates';
import { unix } from '@/lib/util/time';

export function serializeShippingRate(row: ShippingRateRow) {
  const options = row.currencyOptions && Object.keys(row.currencyOptions).length > 0 ? row.currencyOptions : undefined;
  return {
    id: row.id,
    object: 'shipping_rate' as const,
    active: row.active,
    created: unix(row.createdAt),
    delivery_estimate: row.deliveryEstimate
      ? { maximum: row.deliveryEstimate.maximum ?? null, minimum: row.deliveryEstimate.minimum ?? null }
      : null,
    display_name: row.displayName,
    fixed_amount: { amount: row.amount, currency: row.currency, ...(options && { currency_options: options }) },
    livemode: row.livemode,
    metadata: row.metadata,
    tax_behavior: row.taxBehavior,
    tax_code: row.taxCode,
    type: 'fixed_amount' as const,
  };
}
