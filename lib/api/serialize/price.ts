import type { PriceRow } from '@/db/queries/prices';
import { unix } from '@/lib/util/time';

/**
 * Every currency the price can be charged in, its own currency first, as
 * Stripe shows `currency_options` (which always includes the price's currency).
 */
export function priceCurrencyOptions(row: PriceRow) {
  const own = {
    [row.currency]: {
      custom_unit_amount: row.customUnitAmount,
      tax_behavior: row.taxBehavior,
      unit_amount: row.unitAmount,
      unit_amount_decimal: row.unitAmountDecimal,
    },
  };
  const others = Object.fromEntries(
    Object.entries(row.currencyOptions ?? {}).map(([cur, o]) => [
      cur,
      { custom_unit_amount: null, tax_behavior: o.tax_behavior, unit_amount: o.unit_amount, unit_amount_decimal: o.unit_amount_decimal },
    ]),
  );
  return { ...own, ...others };
}

export function serializePrice(row: PriceRow) {
  const r = row.recurring;
  return {
    id: row.id,
    object: 'price' as const,
    active: row.active,
    billing_scheme: 'per_unit' as const,
    created: unix(row.createdAt),
    currency: row.currency,
    // Optional in Stripe's type: present here only when the merchant set other currencies.
    ...(row.currencyOptions && Object.keys(row.currencyOptions).length ? { currency_options: priceCurrencyOptions(row) } : {}),
    custom_unit_amount: row.customUnitAmount,
    livemode: row.livemode,
    lookup_key: row.lookupKey,
    metadata: row.metadata,
    nickname: row.nickname,
    product: row.productId,
    recurring: r
      ? {
          interval: r.interval,
          interval_count: r.interval_count,
          meter: r.meter,
          trial_period_days: r.trial_period_days,
          usage_type: r.usage_type,
        }
      : null,
    tax_behavior: row.taxBehavior,
    tiers_mode: null,
    transform_quantity: null,
    type: row.type,
    unit_amount: row.unitAmount,
    unit_amount_decimal: row.unitAmountDecimal,
  };
}
