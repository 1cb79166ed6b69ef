import { z } from 'zod';
import { expand, int, listParams, metadata, nonEmptyStr, rangeQuery, str } from '@/lib/api/params';

/** The reasons a merchant may give; `expired_uncaptured_charge` is Caisse's own, when an authorization runs out. */
export const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

const reason = z.enum(REFUND_REASONS, { error: 'Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer' });

/**
 * POST /v1/refunds: of a charge or of a payment intent's charge (lib/payments/create-refund.ts checks that one is given).
 * `charge=` names no charge: Stripe's parameter_invalid_empty, as for any id that cannot be unset.
 */
export const createRefundSchema = z.strictObject({
  amount: int({ min: 1 }).optional(),
  charge: nonEmptyStr(255).optional(),
  expand: expand(),
  metadata: metadata().optional(),
  payment_intent: nonEmptyStr(255).optional(),
  reason: reason.optional(),
});

/** POST /v1/refunds/:id takes only metadata, as Stripe's. */
export const updateRefundSchema = z.strictObject({
  expand: expand(),
  metadata: metadata().optional(),
});

export const listRefundsSchema = z.strictObject({
  ...listParams,
  charge: str(255).optional(),
  created: rangeQuery().optional(),
  payment_intent: str(255).optional(),
});

export type CreateRefundParams = z.infer<typeof createRefundSchema>;
export type UpdateRefundParams = z.infer<typeof updateRefundSchema>;
export type ListRefundsParams = z.infer<typeof listRefundsSchema>;
