import { z } from 'zod';
import { bool, currency, expand, int, listParams, metadata, oneOf, rangeQuery, str, timestamp, unsupported } from '@/lib/api/params';

export const PROMOTION_CODE_PATTERN = /^[A-Za-z0-9_-]+$/;

const currencyOptions = z.record(z.string(), z.strictObject({ minimum_amount: int({ min: 0 }).optional() }));

export const createPromotionCodeSchema = z.strictObject({
  promotion: z.strictObject({ coupon: str(255).optional(), type: oneOf(['coupon']).optional() }).optional(),
  // The top-level coupon of API versions before 2025-09: still accepted.
  coupon: str(255).optional(),
  active: bool().optional(),
  code: str(500).regex(PROMOTION_CODE_PATTERN, 'Invalid code: use only letters, digits, "-" and "_"').optional(),
  customer: str(255).optional(),
  customer_account: unsupported('customer_account is not supported: restrict the code with customer'),
  expand: expand(),
  expires_at: timestamp().optional(),
  max_redemptions: int({ min: 1 }).optional(),
  metadata: metadata().optional(),
  restrictions: z
    .strictObject({
      currency_options: currencyOptions.optional(),
      first_time_transaction: bool().optional(),
      minimum_amount: int({ min: 0 }).optional(),
      minimum_amount_currency: currency().optional(),
    })
    .optional(),
});

export const updatePromotionCodeSchema = z.strictObject({
  active: bool().optional(),
  expand: expand(),
  metadata: metadata().optional(),
  restrictions: z.strictObject({ currency_options: currencyOptions.optional() }).optional(),
});

export const listPromotionCodesSchema = z.strictObject({
  ...listParams,
  active: bool().optional(),
  code: str(500).optional(),
  coupon: str(255).optional(),
  created: rangeQuery().optional(),
  customer: str(255).optional(),
  customer_account: unsupported('customer_account is not supported'),
});

export type CreatePromotionCodeParams = z.infer<typeof createPromotionCodeSchema>;
export type UpdatePromotionCodeParams = z.infer<typeof updatePromotionCodeSchema>;
export type ListPromotionCodesParams = z.infer<typeof listPromotionCodesSchema>;
