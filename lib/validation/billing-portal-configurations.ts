import { z } from 'zod';
import { bool, expand, int, listParams, metadata, oneOf, str, unsettable, url } from '@/lib/api/params';

export const CUSTOMER_UPDATES = ['address', 'email', 'name', 'phone', 'shipping', 'tax_id'] as const;
export const CANCELLATION_REASONS = [
  'customer_service',
  'low_quality',
  'missing_features',
  'other',
  'switched_service',
  'too_complex',
  'too_expensive',
  'unused',
] as const;
export const SUBSCRIPTION_UPDATES = ['price', 'promotion_code', 'quantity'] as const;
const PRORATIONS = ['always_invoice', 'create_prorations', 'none'] as const;

/** `x=` (an empty string) is Stripe's empty list for the Emptyable<Array> parameters. */
const emptyableList = <T extends z.ZodType>(item: T, max = 100) =>
  z.union([z.literal('').transform((): z.output<T>[] => []), z.array(item).max(max)]);

const productParam = z.strictObject({
  product: str(255),
  prices: z.array(str(255)).min(1, 'Must list at least one price').max(100),
  adjustable_quantity: z
    .strictObject({
      enabled: bool(),
      maximum: int({ min: 2, max: 99 }).optional(),
      minimum: int({ min: 0, max: 98 }).optional(),
    })
    .optional(),
});

/**
 * The features as given: on create and on update alike every field is optional here but `enabled` where
 * Stripe requires it on create; lib/billing-portal/portal-features.ts fills in the defaults and checks
 * what depends on other fields (an enabled feature needs its lists).
 */
const features = (create: boolean) => {
  const enabled = create ? bool() : bool().optional();
  return z.strictObject({
    customer_update: z.strictObject({ allowed_updates: emptyableList(oneOf(CUSTOMER_UPDATES)).optional(), enabled }).optional(),
    invoice_history: z.strictObject({ enabled: bool() }).optional(),
    payment_method_update: z.strictObject({ enabled: bool(), payment_method_configuration: unsettable(str(255)).optional() }).optional(),
    subscription_cancel: z
      .strictObject({
        cancellation_reason: z
          .strictObject({
            enabled: bool(),
            feedback_options: emptyableList(str(255)).optional(),
            options: create ? emptyableList(oneOf(CANCELLATION_REASONS)) : emptyableList(oneOf(CANCELLATION_REASONS)).optional(),
          })
          .optional(),
        enabled,
        mode: oneOf(['at_period_end', 'immediately']).optional(),
        proration_behavior: oneOf(PRORATIONS).optional(),
      })
      .optional(),
    subscription_pause: z
      .strictObject({
        duration: z
          .strictObject({
            interval_options: emptyableList(
              z.strictObject({ interval: oneOf(['day', 'month', 'week', 'year']), interval_count: int({ min: 1, max: 365 }).optional() }),
              10,
            ).optional(),
            type: oneOf(['indefinite', 'interval_options']),
          })
          .optional(),
        enabled: bool().optional(),
      })
      .optional(),
    subscription_update: z
      .strictObject({
        billing_cycle_anchor: oneOf(['now', 'unchanged']).optional(),
        default_allowed_updates: emptyableList(oneOf(SUBSCRIPTION_UPDATES)).optional(),
        enabled,
        products: emptyableList(productParam, 10).optional(),
        proration_behavior: oneOf(PRORATIONS).optional(),
        schedule_at_period_end: z
          .strictObject({
            conditions: emptyableList(z.strictObject({ type: oneOf(['decreasing_item_amount', 'shortening_interval']) })).optional(),
          })
          .optional(),
        trial_update_behavior: oneOf(['continue_trial', 'end_trial']).optional(),
      })
      .optional(),
  });
};

const businessProfile = z.strictObject({
  headline: unsettable(str(60)).optional(),
  privacy_policy_url: unsettable(url()).optional(),
  terms_of_service_url: unsettable(url()).optional(),
});

const editable = {
  business_profile: businessProfile.optional(),
  default_return_url: unsettable(url()).optional(),
  login_page: z.strictObject({ enabled: bool() }).optional(),
  metadata: metadata().optional(),
  name: unsettable(str(256)).optional(),
  expand: expand(),
};

export const createPortalConfigurationSchema = z.strictObject({ ...editable, features: features(true) });

export const updatePortalConfigurationSchema = z.strictObject({
  ...editable,
  active: bool().optional(),
  features: features(false).optional(),
});

export const listPortalConfigurationsSchema = z.strictObject({
  ...listParams,
  active: bool().optional(),
  is_default: bool().optional(),
});

export type CreatePortalConfigurationParams = z.infer<typeof createPortalConfigurationSchema>;
export type UpdatePortalConfigurationParams = z.infer<typeof updatePortalConfigurationSchema>;
export type ListPortalConfigurationsParams = z.infer<typeof listPortalConfigurationsSchema>;
export type PortalFeaturesParams = NonNullable<UpdatePortalConfigurationParams['features']>;
