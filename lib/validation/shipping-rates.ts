import { z } from 'zod';
import { bool, currency, expand, hash, int, listParams, metadata, nonEmptyStr, oneOf, rangeQuery } from '@/lib/api/params';
import { isSupportedCurrency } from '@/lib/money/currencies';
import { MAX_AMOUNT_ANY_CURRENCY } from '@/lib/money/limits';

export const TAX_BEHAVIORS = ['exclusive', 'inclusive', 'unspecified'] as const;
const taxBehavior = () => oneOf(TAX_BEHAVIORS);

// The currency's own maximum is applied when the rate is stored (lib/catalog, amount_too_large).
const MAX_AMOUNT = MAX_AMOUNT_ANY_CURRENCY;

/** Keys of `currency_options`: supported currencies, stored in lower case. */
const currencyOptions = <T extends z.ZodType>(option: T) =>
  hash(option, (keys) =>
    keys
      .filter((k) => !isSupportedCurrency(k.toLowerCase()))
      .map((key) => ({ key, message: `Invalid currency: ${key} is not a supported currency` })),
  ).transform((v) => Object.fromEntries(Object.entries(v).map(([k, o]) => [k.toLowerCase(), o])) as Record<string, z.output<T>>);

export const DELIVERY_UNITS = ['business_day', 'day', 'hour', 'month', 'week'] as const;
const deliveryBound = z.strictObject({ unit: oneOf(DELIVERY_UNITS), value: int({ min: 1, max: 1000000 }) });
type DeliveryBound = z.output<typeof deliveryBound>;

// Hours per unit where the conversion is exact; business days and months only
// compare with their own unit.
const HOURS: Partial<Record<DeliveryBound['unit'], number>> = { hour: 1, day: 24, week: 168 };

function exceeds(min: DeliveryBound, max: DeliveryBound): boolean {
  if (min.unit === max.unit) return min.value > max.value;
  const a = HOURS[min.unit];
  const b = HOURS[max.unit];
  return a !== undefined && b !== undefined && min.value * a > max.value * b;
}

const deliveryEstimate = z.strictObject({ minimum: deliveryBound.optional(), maximum: deliveryBound.optional() }).check((ctx) => {
  const { minimum, maximum } = ctx.value;
  if (minimum && maximum && exceeds(minimum, maximum))
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      path: ['minimum'],
      message: 'The minimum delivery estimate must not be greater than the maximum',
    });
});

/**
 * A shipping rate as given on create, and inline on a Checkout Session as
 * `shipping_options[][shipping_rate_data]`.
 */
export const shippingRateDataSchema = z.strictObject({
  display_name: nonEmptyStr(100),
  type: z.literal('fixed_amount', { error: 'Invalid type: only fixed_amount is supported.' }).optional(),
  fixed_amount: z
    .strictObject({
      amount: int({ min: 0, max: MAX_AMOUNT }),
      currency: currency(),
      currency_options: currencyOptions(
        z.strictObject({ amount: int({ min: 0, max: MAX_AMOUNT }), tax_behavior: taxBehavior().optional() }),
      ).optional(),
    })
    .check((ctx) => {
      const same = ctx.value.currency_options?.[ctx.value.currency];
      if (same && same.amount !== ctx.value.amount)
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          path: ['currency_options', ctx.value.currency, 'amount'],
          message: `The amount for the default currency (${ctx.value.currency}) must match fixed_amount[amount]`,
        });
    }),
  delivery_estimate: deliveryEstimate.optional(),
  tax_behavior: taxBehavior().optional(),
  tax_code: z
    .string()
    .regex(/^txcd_\d{8}$/, 'Invalid tax code: expected an id such as txcd_92010001')
    .optional(),
  metadata: metadata().optional(),
});

export const createShippingRateSchema = shippingRateDataSchema.extend({ expand: expand() });

export const updateShippingRateSchema = z.strictObject({
  active: bool().optional(),
  fixed_amount: z
    .strictObject({
      currency_options: currencyOptions(
        z.strictObject({ amount: int({ min: 0, max: MAX_AMOUNT }).optional(), tax_behavior: taxBehavior().optional() }),
      ).optional(),
    })
    .optional(),
  metadata: metadata().optional(),
  tax_behavior: taxBehavior().optional(),
  expand: expand(),
});

export const listShippingRatesSchema = z.strictObject({
  ...listParams,
  active: bool().optional(),
  created: rangeQuery().optional(),
  currency: currency().optional(),
});

export type ShippingRateData = z.infer<typeof shippingRateDataSchema>;
export type CreateShippingRateParams = z.infer<typeof createShippingRateSchema>;
export type UpdateShippingRateParams = z.infer<typeof updateShippingRateSchema>;
export type ListShippingRatesParams = z.infer<typeof listShippingRatesSchema>;
