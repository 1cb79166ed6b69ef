import { z } from 'zod';
import {
  bool,
  currency,
  decimal,
  expand,
  hash,
  int,
  listParams,
  metadata,
  nonEmptyStr,
  oneOf,
  rangeQuery,
  str,
  unsettable,
  unsupported,
} from '@/lib/api/params';
import { MAX_AMOUNT_ANY_CURRENCY } from '@/lib/money/limits';

/** The bound before the currency is known; lib/catalog then applies the currency's own (amount_too_large). */
export const MAX_UNIT_AMOUNT = MAX_AMOUNT_ANY_CURRENCY;

/** A parameter Caisse knows but does not implement: rejected with a message naming it. */
const taxBehavior = oneOf(['exclusive', 'inclusive', 'unspecified']);
const unitAmount = int({ min: 0, max: MAX_UNIT_AMOUNT });
const unitAmountDecimal = decimal({ maxDecimals: 12, max: MAX_UNIT_AMOUNT });

const customUnitAmount = z.strictObject({
  enabled: bool(),
  maximum: unitAmount.optional(),
  minimum: unitAmount.optional(),
  preset: unitAmount.optional(),
});

const currencyOption = z.strictObject({
  unit_amount: unitAmount.optional(),
  unit_amount_decimal: unitAmountDecimal.optional(),
  tax_behavior: taxBehavior.optional(),
  custom_unit_amount: unsupported('custom_unit_amount is not supported in currency_options'),
  tiers: unsupported('Tiered prices are not supported'),
});

/** Keys are currencies; lib/catalog checks them and names a bad one. */
const currencyOptions = hash(currencyOption);

const recurring = z.strictObject({
  interval: oneOf(['day', 'week', 'month', 'year']),
  interval_count: int({ min: 1 }).optional(),
  usage_type: oneOf(['licensed', 'metered'])
    .refine((v) => v === 'licensed', 'Metered prices are not supported: usage_type must be licensed')
    .optional(),
  trial_period_days: int({ min: 0, max: 730 }).optional(),
  meter: unsupported('Metered prices (meter) are not supported'),
});

/** What a price is made of; shared by POST /v1/prices and products' `default_price_data`. */
const priceData = {
  currency: currency(),
  currency_options: currencyOptions.optional(),
  custom_unit_amount: customUnitAmount.optional(),
  metadata: metadata().optional(),
  recurring: recurring.optional(),
  tax_behavior: taxBehavior.optional(),
  unit_amount: unitAmount.optional(),
  unit_amount_decimal: unitAmountDecimal.optional(),
};

export const priceDataSchema = z.strictObject(priceData);

const productData = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,255}$/, 'Invalid id: use letters, digits, "_" and "-"')
    .optional(),
  name: nonEmptyStr(250),
  active: bool().optional(),
  metadata: metadata().optional(),
  statement_descriptor: str(22).optional(),
  tax_code: str(100).optional(),
  unit_label: str(12).optional(),
  tax_details: unsupported('tax_details is not supported'),
});

export const createPriceSchema = z.strictObject({
  ...priceData,
  active: bool().optional(),
  billing_scheme: oneOf(['per_unit', 'tiered'])
    .refine((v) => v === 'per_unit', 'Tiered prices are not supported: billing_scheme must be per_unit')
    .optional(),
  expand: expand(),
  lookup_key: str(200).optional(),
  nickname: str(5000).optional(),
  product: str(255).optional(),
  product_data: productData.optional(),
  tiers: unsupported('Tiered prices (tiers) are not supported'),
  tiers_mode: unsupported('Tiered prices (tiers_mode) are not supported'),
  transfer_lookup_key: bool().optional(),
  transform_quantity: unsupported('transform_quantity is not supported'),
});

export const updatePriceSchema = z.strictObject({
  active: bool().optional(),
  currency_options: unsettable(currencyOptions).optional(),
  expand: expand(),
  lookup_key: unsettable(str(200)).optional(),
  metadata: metadata().optional(),
  nickname: unsettable(str(5000)).optional(),
  tax_behavior: taxBehavior.optional(),
  transfer_lookup_key: bool().optional(),
});

export const listPricesSchema = z.strictObject({
  ...listParams,
  active: bool().optional(),
  created: rangeQuery().optional(),
  currency: currency().optional(),
  lookup_keys: z.array(str(200)).max(10).optional(),
  product: str(255).optional(),
  recurring: z
    .strictObject({
      interval: oneOf(['day', 'week', 'month', 'year']).optional(),
      usage_type: oneOf(['licensed', 'metered']).optional(),
      meter: unsupported('Metered prices (meter) are not supported'),
    })
    .optional(),
  type: oneOf(['one_time', 'recurring']).optional(),
});

export type PriceDataParams = z.infer<typeof priceDataSchema>;
export type CreatePriceParams = z.infer<typeof createPriceSchema>;
export type UpdatePriceParams = z.infer<typeof updatePriceSchema>;
export type ListPricesParams = z.infer<typeof listPricesSchema>;
export type CurrencyOptionParams = z.infer<typeof currencyOption>;
