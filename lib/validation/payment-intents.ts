import { z } from 'zod';
import {
  bool,
  connectOnly,
  currency,
  email,
  expand,
  int,
  listParams,
  metadata,
  noStatementDescriptor,
  oneOf,
  rangeQuery,
  str,
  unsupported,
  url,
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

/** off_session: true, or Stripe's `one_off` / `recurring` (both mean the customer is not there). */
const offSession = z.union([bool(), oneOf(['one_off', 'recurring'])]).transform((v) => v !== false);

/** What a payment intent's confirmation takes, on create (with confirm=true) and on /confirm. */
const confirmation = {
  payment_method: str(255).optional(),
  off_session: offSession.optional(),
  return_url: url().optional(),
  error_on_requires_action: bool().optional(),
  receipt_email: email(800).optional(),
  setup_future_usage: z.union([oneOf(['off_session', 'on_session']), z.literal('').transform(() => null)]).optional(),
  // Stripe.js confirms with these; on a server call they change nothing.
  use_stripe_sdk: bool().optional(),
  mandate_data: unsupported('mandate_data is not supported: Caisse takes mandates on the Checkout page'),
  payment_method_data: unsupported('payment_method_data is not supported: pass a saved payment method or a pm_card_* test method'),
  payment_method_options: unsupported('payment_method_options is not supported'),
  radar_options: unsupported('radar_options is not supported'),
  shipping: unsupported('shipping is not supported on payment intents made through the API'),
  confirmation_token: unsupported('confirmation_token is not supported'),
  expand: expand(),
};

/** POST /v1/payment_intents: a card payment the merchant's server makes, usually with a saved card. */
export const createPaymentIntentSchema = z.strictObject({
  ...confirmation,
  amount: int({ min: 1 }).optional(),
  currency: currency().optional(),
  customer: str(255).optional(),
  description: str(1000).optional(),
  metadata: metadata().optional(),
  confirm: bool().optional(),
  capture_method: oneOf(['automatic', 'automatic_async', 'manual']).optional(),
  // Manual confirmation (a second server confirm after the customer's action) is not built: the challenge page finishes the payment.
  confirmation_method: oneOf(['automatic', 'manual'])
    .refine(
      (v) => v === 'automatic',
      'confirmation_method=manual is not supported: Caisse finishes the payment once the customer answers the challenge',
    )
    .optional(),
  payment_method_types: z
    .array(oneOf(['card']))
    .min(1)
    .optional(),
  automatic_payment_methods: z.strictObject({ enabled: bool(), allow_redirects: oneOf(['always', 'never']).optional() }).optional(),
  statement_descriptor: noStatementDescriptor('statement_descriptor'),
  statement_descriptor_suffix: noStatementDescriptor('statement_descriptor_suffix'),
  application_fee_amount: connectOnly('application_fee_amount'),
  on_behalf_of: connectOnly('on_behalf_of'),
  transfer_data: connectOnly('transfer_data'),
  transfer_group: connectOnly('transfer_group'),
  customer_account: unsupported('customer_account is not supported: Caisse has no Accounts v2'),
  amount_details: unsupported('amount_details is not supported'),
  payment_details: unsupported('payment_details is not supported'),
  excluded_payment_method_types: unsupported('excluded_payment_method_types is not supported'),
  payment_method_configuration: unsupported('payment_method_configuration is not supported'),
  hooks: unsupported('hooks is not supported'),
});

/** POST /v1/payment_intents/:id/confirm. */
export const confirmPaymentIntentSchema = z.strictObject({
  ...confirmation,
  capture_method: oneOf(['automatic', 'automatic_async', 'manual']).optional(),
  client_secret: unsupported('client_secret is for publishable-key calls; confirm with a secret key'),
});

export type CreatePaymentIntentParams = z.infer<typeof createPaymentIntentSchema>;
export type ConfirmPaymentIntentParams = z.infer<typeof confirmPaymentIntentSchema>;
