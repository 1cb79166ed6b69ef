import { z } from 'zod';
import { connectOnly, expand, int, nonEmptyStr, oneOf, str, unsupported, url } from '@/lib/api/params';

// Stripe's BillingPortal.SessionCreateParams.Locale.
export const PORTAL_LOCALES = [
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
  'en-AU',
  'en-CA',
  'en-GB',
  'en-IE',
  'en-IN',
  'en-NZ',
  'en-SG',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
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

export const PORTAL_FLOW_TYPES = [
  'payment_method_update',
  'subscription_cancel',
  'subscription_update',
  'subscription_update_confirm',
] as const;

const flowData = z.strictObject({
  type: oneOf(PORTAL_FLOW_TYPES),
  after_completion: z
    .strictObject({
      type: oneOf(['hosted_confirmation', 'portal_homepage', 'redirect']),
      hosted_confirmation: z.strictObject({ custom_message: str(500).optional() }).optional(),
      redirect: z.strictObject({ return_url: url() }).optional(),
    })
    .optional(),
  subscription_cancel: z
    .strictObject({
      subscription: nonEmptyStr(255),
      retention: z.strictObject({ type: oneOf(['coupon_offer']), coupon_offer: z.strictObject({ coupon: nonEmptyStr(255) }) }).optional(),
    })
    .optional(),
  subscription_update: z.strictObject({ subscription: nonEmptyStr(255) }).optional(),
  subscription_update_confirm: z
    .strictObject({
      subscription: nonEmptyStr(255),
      items: z
        .array(z.strictObject({ id: nonEmptyStr(255), price: nonEmptyStr(255).optional(), quantity: int({ min: 0 }).optional() }))
        .min(1, 'Must list at least one item')
        .max(20),
      discounts: z
        .array(z.strictObject({ coupon: nonEmptyStr(255).optional(), promotion_code: nonEmptyStr(255).optional() }))
        .max(20)
        .optional(),
    })
    .optional(),
});

export const createPortalSessionSchema = z.strictObject({
  customer: nonEmptyStr(255),
  customer_account: unsupported('customer_account is not supported: Caisse has no Accounts v2 customers; pass customer'),
  after_expiration: unsupported('after_expiration is not supported: Caisse has no hosted portal login page'),
  configuration: nonEmptyStr(255).optional(),
  expand: expand(),
  flow_data: flowData.optional(),
  locale: oneOf(PORTAL_LOCALES).optional(),
  on_behalf_of: connectOnly('on_behalf_of'),
  return_url: url().optional(),
});

export type CreatePortalSessionParams = z.infer<typeof createPortalSessionSchema>;
export type PortalFlowData = NonNullable<CreatePortalSessionParams['flow_data']>;
