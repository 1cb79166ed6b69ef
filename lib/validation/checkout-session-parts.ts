import { z } from 'zod';
import { shippingRateDataSchema } from './shipping-rates';
import { FONT_IDS } from '@/lib/branding/fonts';
import {
  bool,
  connectOnly,
  currency,
  decimal,
  distinctIds,
  int,
  metadata,
  nonEmptyStr,
  oneOf,
  str,
  unsettable,
  url,
} from '@/lib/api/params';
import { MAX_AMOUNT_ANY_CURRENCY } from '@/lib/money/limits';

/** Pieces of the Checkout Session parameters, shared by create and update. */

export const CHECKOUT_LOCALES = [
  'auto',
  // Caisse's own, beyond Stripe's list: Arabic and Hebrew, right to left.
  'ar',
  'he',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'hi-IN',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
  'zh-HK',
  'zh-TW',
] as const;

export const adjustableQuantitySchema = z.strictObject({
  enabled: bool(),
  minimum: int({ min: 0, max: 999999 }).optional(),
  maximum: int({ min: 1, max: 999999 }).optional(),
});

const recurringData = z.strictObject({
  interval: oneOf(['day', 'week', 'month', 'year']),
  interval_count: int({ min: 1, max: 365 }).optional(),
});

export const productDataSchema = z.strictObject({
  name: nonEmptyStr(250),
  description: str(40000).optional(),
  images: z.array(url()).max(8).optional(),
  metadata: metadata().optional(),
  tax_code: str(100).optional(),
  unit_label: str(12).optional(),
});

export const priceDataSchema = z.strictObject({
  currency: currency(),
  product: str(255).optional(),
  product_data: productDataSchema.optional(),
  recurring: recurringData.optional(),
  tax_behavior: oneOf(['exclusive', 'inclusive', 'unspecified']).optional(),
  // The currency's own maximum is applied when the price is made (lib/catalog, amount_too_large).
  unit_amount: int({ min: 0, max: MAX_AMOUNT_ANY_CURRENCY }).optional(),
  unit_amount_decimal: decimal({ maxDecimals: 12, max: MAX_AMOUNT_ANY_CURRENCY }).optional(),
});

export const lineItemSchema = z.strictObject({
  price: str(255).optional(),
  price_data: priceDataSchema.optional(),
  quantity: int({ min: 0, max: 999999 }).optional(),
  adjustable_quantity: adjustableQuantitySchema.optional(),
  tax_rates: distinctIds(5).optional(),
  dynamic_tax_rates: z.array(str(255)).optional(),
  metadata: metadata().optional(),
});

export const optionalItemSchema = z.strictObject({
  price: str(255),
  quantity: int({ min: 1, max: 999999 }),
  adjustable_quantity: adjustableQuantitySchema.optional(),
});

export const shippingOptionSchema = z.strictObject({
  shipping_rate: str(255).optional(),
  shipping_rate_data: shippingRateDataSchema.optional(),
});

const customFieldLength = { minimum_length: int({ min: 1, max: 255 }).optional(), maximum_length: int({ min: 1, max: 255 }).optional() };

export const customFieldSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9]{1,200}$/, 'Custom field keys may only contain letters and digits (at most 200)'),
  label: z.strictObject({ type: z.literal('custom'), custom: nonEmptyStr(50) }),
  type: oneOf(['dropdown', 'numeric', 'text']),
  optional: bool().optional(),
  dropdown: z
    .strictObject({
      options: z
        .array(
          z.strictObject({
            label: nonEmptyStr(100),
            value: z.string().regex(/^[A-Za-z0-9]{1,100}$/, 'Dropdown values may only contain letters and digits'),
          }),
        )
        .min(1)
        .max(200),
      default_value: str(100).optional(),
    })
    .optional(),
  numeric: z.strictObject({ ...customFieldLength, default_value: str(255).optional() }).optional(),
  text: z.strictObject({ ...customFieldLength, default_value: str(255).optional() }).optional(),
});

const message = z.strictObject({ message: nonEmptyStr(1200) });
export const customTextSchema = z.strictObject({
  after_submit: unsettable(message).optional(),
  shipping_address: unsettable(message).optional(),
  submit: unsettable(message).optional(),
  terms_of_service_acceptance: unsettable(message).optional(),
});

export const consentCollectionSchema = z.strictObject({
  payment_method_reuse_agreement: z.strictObject({ position: oneOf(['auto', 'hidden']) }).optional(),
  promotions: oneOf(['auto', 'none']).optional(),
  terms_of_service: oneOf(['none', 'required']).optional(),
});

const imageRef = z.strictObject({ type: oneOf(['file', 'url']), url: url().optional(), file: str(255).optional() });
export const brandingSettingsSchema = z.strictObject({
  background_color: unsettable(z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colors must be hex like #1a2b3c')).optional(),
  button_color: unsettable(z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colors must be hex like #1a2b3c')).optional(),
  border_style: unsettable(oneOf(['pill', 'rectangular', 'rounded'])).optional(),
  font_family: unsettable(oneOf(FONT_IDS)).optional(),
  display_name: str(100).optional(),
  icon: imageRef.optional(),
  logo: imageRef.optional(),
});

/** setup_intent_data (setup mode): what the session's SetupIntent carries. */
export const setupIntentDataSchema = z.strictObject({
  description: str(1000).optional(),
  metadata: metadata().optional(),
  on_behalf_of: connectOnly('on_behalf_of'),
});

export const paymentIntentDataSchema = z.strictObject({
  capture_method: oneOf(['automatic', 'automatic_async', 'manual']).optional(),
  description: str(1000).optional(),
  metadata: metadata().optional(),
  receipt_email: str(800).optional(),
  setup_future_usage: oneOf(['off_session', 'on_session']).optional(),
  statement_descriptor: str(22).optional(),
  statement_descriptor_suffix: str(22).optional(),
  shipping: z
    .strictObject({
      name: nonEmptyStr(255),
      phone: str(50).optional(),
      carrier: str(255).optional(),
      tracking_number: str(255).optional(),
      address: z.strictObject({
        line1: str(255),
        line2: str(255).optional(),
        city: str(255).optional(),
        state: str(255).optional(),
        postal_code: str(255).optional(),
        country: str(2).optional(),
      }),
    })
    .optional(),
});

export const subscriptionDataSchema = z.strictObject({
  billing_cycle_anchor: int({ min: 0 }).optional(),
  default_tax_rates: distinctIds().optional(),
  description: str(500).optional(),
  metadata: metadata().optional(),
  trial_end: int({ min: 0 }).optional(),
  trial_period_days: int({ min: 1, max: 730 }).optional(),
  trial_settings: z
    .strictObject({ end_behavior: z.strictObject({ missing_payment_method: oneOf(['cancel', 'create_invoice', 'pause']) }) })
    .optional(),
  proration_behavior: oneOf(['create_prorations', 'none']).optional(),
});

export const afterExpirationSchema = z.strictObject({
  recovery: z.strictObject({ enabled: bool(), allow_promotion_codes: bool().optional() }).optional(),
});

export const discountSchema = z.strictObject({ coupon: str(255).optional(), promotion_code: str(255).optional() });
