import { z } from 'zod';
import {
  bool,
  connectOnly,
  expand,
  int,
  listParams,
  metadata,
  noStatementDescriptor,
  oneOf,
  rangeQuery,
  str,
  unsupported,
} from '@/lib/api/params';

export const listPaymentIntentsSchema = z.strictObject({
  ...listParams,
  customer: str(255).optional(),
  created: rangeQuery().optional(),
});

/** POST /v1/payment_intents/:id/capture. Caisse's manual-capture payments are card payments, which take no statement_descriptor. */
export const capturePaymentIntentSchema = z.strictObject({
  amount_to_capture: int({ min: 1 }).optional(),
  metadata: metadata().optional(),
  // Stripe: "Setting this value for a card charge returns an error."
  statement_descriptor: z
    .unknown()
    .refine(() => false, 'statement_descriptor cannot be set when capturing a card payment: use statement_descriptor_suffix instead')
    .optional(),
  statement_descriptor_suffix: noStatementDescriptor('statement_descriptor_suffix'),
  // Multicapture is not available: every capture is the final one.
  final_capture: bool()
    .refine((v) => v, 'final_capture=false is not supported: multicapture is not available, every capture is final')
    .optional(),
  application_fee_amount: connectOnly('application_fee_amount'),
  transfer_data: connectOnly('transfer_data'),
  amount_details: unsupported('amount_details is not supported'),
  payment_details: unsupported('payment_details is not supported'),
  hooks: unsupported('hooks is not supported'),
  expand: expand(),
});

/** What Stripe lets a merchant give as the reason (`automatic`, `expired`… are Stripe's own). */
export const MERCHANT_CANCELLATION_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const;

export const cancelPaymentIntentSchema = z.strictObject({
  cancellation_reason: oneOf(MERCHANT_CANCELLATION_REASONS).optional(),
  expand: expand(),
});

export type ListPaymentIntentsParams = z.infer<typeof listPaymentIntentsSchema>;
export type CapturePaymentIntentParams = z.infer<typeof capturePaymentIntentSchema>;
export type CancelPaymentIntentParams = z.infer<typeof cancelPaymentIntentSchema>;
