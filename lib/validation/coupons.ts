import { z } from 'zod';
import { currency, decimal, expand, int, listParams, metadata, oneOf, rangeQuery, str, timestamp, unsettable } from '@/lib/api/params';

const currencyOptions = z.record(z.string(), z.strictObject({ amount_off: int({ min: 1 }) }));

export const createCouponSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'Invalid id: use up to 200 letters, digits, "_" and "-"')
    .optional(),
  amount_off: int({ min: 1 }).optional(),
  applies_to: z.strictObject({ products: z.array(str(255)).max(100).optional() }).optional(),
  currency: currency().optional(),
  currency_options: currencyOptions.optional(),
  duration: oneOf(['forever', 'once', 'repeating']).optional(),
  duration_in_months: int({ min: 1 }).optional(),
  expand: expand(),
  max_redemptions: int({ min: 1 }).optional(),
  metadata: metadata().optional(),
  name: str(40).optional(),
  // Stripe's percent_off is a float; Caisse keeps the exact decimal sent.
  percent_off: decimal({ max: 100, maxDecimals: 12 })
    .refine((v) => Number(v) > 0, 'percent_off must be greater than 0 and at most 100')
    .optional(),
  redeem_by: timestamp().optional(),
});

export const updateCouponSchema = z.strictObject({
  currency_options: currencyOptions.optional(),
  expand: expand(),
  metadata: metadata().optional(),
  name: unsettable(str(40)).optional(),
});

export const listCouponsSchema = z.strictObject({
  ...listParams,
  created: rangeQuery().optional(),
});

export type CreateCouponParams = z.infer<typeof createCouponSchema>;
export type UpdateCouponParams = z.infer<typeof updateCouponSchema>;
export type ListCouponsParams = z.infer<typeof listCouponsSchema>;
