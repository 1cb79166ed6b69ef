import { z } from 'zod';
import {
  bool,
  currency,
  distinctIds,
  email,
  expand,
  int,
  listParams,
  metadata,
  oneOf,
  rangeQuery,
  str,
  timestamp,
  unsupported,
  url,
} from '@/lib/api/params';
import {
  adjustableQuantitySchema,
  afterExpirationSchema,
  brandingSettingsSchema,
  CHECKOUT_LOCALES,
  consentCollectionSchema,
  customFieldSchema,
  customTextSchema,
  discountSchema,
  lineItemSchema,
  optionalItemSchema,
  paymentIntentDataSchema,
  setupIntentDataSchema,
  shippingOptionSchema,
  subscriptionDataSchema,
} from './checkout-session-parts';

/** Parameters Stripe has that Caisse refuses by name until it implements them. */
export const UNSUPPORTED_SESSION_PARAMS = [
  'allowed_payment_method_types',
  'customer_account',
  'excluded_payment_method_types',
  'managed_payments',
  'origin_context',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'permissions',
  'checkout_items',
] as const;

const unsupportedParams = Object.fromEntries(UNSUPPORTED_SESSION_PARAMS.map((k) => [k, z.unknown().optional()])) as Record<
  (typeof UNSUPPORTED_SESSION_PARAMS)[number],
  z.ZodOptional<z.ZodUnknown>
>;

const enabledFlag = z.strictObject({ enabled: bool() });

export const createCheckoutSessionSchema = z.strictObject({
  ...unsupportedParams,
  mode: oneOf(['payment', 'setup', 'subscription']).optional(),
  ui_mode: oneOf(['hosted', 'embedded', 'hosted_page', 'embedded_page', 'custom', 'elements', 'form']).optional(),
  line_items: z.array(lineItemSchema).optional(),
  optional_items: z.array(optionalItemSchema).optional(),
  success_url: url().optional(),
  cancel_url: url().optional(),
  return_url: url().optional(),
  redirect_on_completion: oneOf(['always', 'if_required', 'never']).optional(),
  currency: currency().optional(),
  customer: str(255).optional(),
  customer_email: email(800).optional(),
  customer_creation: oneOf(['always', 'if_required']).optional(),
  customer_update: z
    .strictObject({
      address: oneOf(['auto', 'never']).optional(),
      name: oneOf(['auto', 'never']).optional(),
      shipping: oneOf(['auto', 'never']).optional(),
    })
    .optional(),
  client_reference_id: str(200).optional(),
  metadata: metadata().optional(),
  locale: oneOf(CHECKOUT_LOCALES).optional(),
  submit_type: oneOf(['auto', 'book', 'donate', 'pay', 'subscribe']).optional(),
  allow_promotion_codes: bool().optional(),
  discounts: z.array(discountSchema).optional(),
  shipping_address_collection: z
    .strictObject({
      allowed_countries: z
        .array(z.string().regex(/^[A-Z]{2}$/, 'Countries are two-letter ISO codes'))
        .min(1)
        .max(250),
    })
    .optional(),
  shipping_options: z.array(shippingOptionSchema).optional(),
  billing_address_collection: oneOf(['auto', 'required']).optional(),
  phone_number_collection: enabledFlag.optional(),
  tax_id_collection: z.strictObject({ enabled: bool(), required: oneOf(['if_supported', 'never']).optional() }).optional(),
  name_collection: z
    .strictObject({
      business: z.strictObject({ enabled: bool(), optional: bool().optional() }).optional(),
      individual: z.strictObject({ enabled: bool(), optional: bool().optional() }).optional(),
    })
    .optional(),
  custom_fields: z.array(customFieldSchema).optional(),
  custom_text: customTextSchema.optional(),
  consent_collection: consentCollectionSchema.optional(),
  after_expiration: afterExpirationSchema.optional(),
  expires_at: timestamp().optional(),
  payment_intent_data: paymentIntentDataSchema.optional(),
  setup_intent_data: setupIntentDataSchema.optional(),
  subscription_data: subscriptionDataSchema.optional(),
  payment_method_types: z
    .array(oneOf(['card', 'sepa_debit']))
    .min(1)
    .optional(),
  payment_method_collection: oneOf(['always', 'if_required']).optional(),
  branding_settings: brandingSettingsSchema.optional(),
  automatic_tax: z
    .strictObject({
      enabled: bool(),
      liability: z.strictObject({ type: z.enum(['self', 'account']), account: z.string().optional() }).optional(),
    })
    .optional(),
  adaptive_pricing: z.strictObject({ enabled: bool().optional() }).optional(),
  invoice_creation: z
    .strictObject({ enabled: bool(), invoice_data: unsupported('Invoice creation is not supported, so invoice_data cannot be set') })
    .optional(),
  saved_payment_method_options: z
    .strictObject({
      allow_redisplay_filters: z.array(oneOf(['always', 'limited', 'unspecified'])).optional(),
      payment_method_remove: oneOf(['disabled', 'enabled']).optional(),
      payment_method_save: oneOf(['disabled', 'enabled']).optional(),
    })
    .optional(),
  // link.display: whether the page offers Caisse Pass, Caisse's own Link.
  wallet_options: z.strictObject({ link: z.strictObject({ display: oneOf(['auto', 'never']).optional() }).optional() }).optional(),
  integration_identifier: str(200).optional(),
  expand: expand(),
});

export const updateCheckoutSessionSchema = z.strictObject({
  metadata: metadata().optional(),
  shipping_options: z.union([z.literal('').transform(() => []), z.array(shippingOptionSchema)]).optional(),
  line_items: z
    .array(
      z.strictObject({
        id: str(255).optional(),
        price: str(255).optional(),
        quantity: int({ min: 0, max: 999999 }).optional(),
        adjustable_quantity: adjustableQuantitySchema.optional(),
        tax_rates: z.union([z.literal('').transform(() => []), distinctIds(5)]).optional(),
        metadata: metadata().optional(),
      }),
    )
    .optional(),
  collected_information: z.unknown().optional(),
  expand: expand(),
});

export const listCheckoutSessionsSchema = z.strictObject({
  ...listParams,
  status: oneOf(['complete', 'expired', 'open']).optional(),
  customer: str(255).optional(),
  customer_account: str(255).optional(),
  customer_details: z.strictObject({ email: str(800) }).optional(),
  payment_intent: str(255).optional(),
  payment_link: str(255).optional(),
  subscription: str(255).optional(),
  created: rangeQuery().optional(),
});

export const listLineItemsSchema = z.strictObject({ ...listParams });

export type CreateCheckoutSessionParams = z.infer<typeof createCheckoutSessionSchema>;
export type UpdateCheckoutSessionParams = z.infer<typeof updateCheckoutSessionSchema>;
export type ListCheckoutSessionsParams = z.infer<typeof listCheckoutSessionsSchema>;
