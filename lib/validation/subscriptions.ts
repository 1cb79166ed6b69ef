import { z } from 'zod';
import {
  bool,
  connectOnly,
  distinctIds,
  expand,
  listParams,
  metadata,
  oneOf,
  rangeQuery,
  str,
  timestamp,
  unsettable,
  unsupported,
} from '@/lib/api/params';
import { paymentBehavior, subscriptionItemsChangeFields } from './subscription-items';

const STATUSES = [
  'active',
  'all',
  'canceled',
  'ended',
  'incomplete',
  'incomplete_expired',
  'past_due',
  'paused',
  'trialing',
  'unpaid',
] as const;

/** GET /v1/subscriptions. */
export const listSubscriptionsSchema = z.strictObject({
  ...listParams,
  automatic_tax: z.strictObject({ enabled: bool() }).optional(),
  collection_method: oneOf(['charge_automatically', 'send_invoice']).optional(),
  created: rangeQuery().optional(),
  current_period_end: rangeQuery().optional(),
  current_period_start: rangeQuery().optional(),
  customer: str(255).optional(),
  customer_account: unsupported('customer_account is not supported: Caisse has no Accounts v2'),
  // A plan is the same recurring price seen through Stripe's older API.
  plan: str(255).optional(),
  price: str(255).optional(),
  status: oneOf(STATUSES).optional(),
  test_clock: str(255).optional(),
});

const FEEDBACK = [
  'customer_service',
  'low_quality',
  'missing_features',
  'other',
  'switched_service',
  'too_complex',
  'too_expensive',
  'unused',
] as const;

/** What a merchant may write about why a subscription ends; `''` clears a field. */
export const cancellationDetails = () =>
  z.strictObject({
    comment: unsettable(str(5000)).optional(),
    feedback: unsettable(oneOf(FEEDBACK)).optional(),
    feedback_option: unsupported('feedback_option is not supported: Caisse keeps no customized feedback options'),
  });

const notBuilt = (name: string, why: string) => unsupported(`${name} is not supported: ${why}`);

/** POST /v1/subscriptions/:id: what Caisse can change on a subscription; the rest of Stripe's parameters by name. */
export const updateSubscriptionSchema = z.strictObject({
  cancel_at: z.union([z.literal('').transform(() => null), timestamp(), oneOf(['max_period_end', 'min_period_end'])]).optional(),
  cancel_at_period_end: bool().optional(),
  cancellation_details: cancellationDetails().optional(),
  default_payment_method: str(255).optional(),
  default_tax_rates: unsettable(distinctIds()).optional(),
  description: unsettable(str(500)).optional(),
  expand: expand(),
  metadata: metadata().optional(),
  pause_collection: unsettable(
    z.strictObject({
      behavior: oneOf(['keep_as_draft', 'mark_uncollectible', 'void']),
      resumes_at: timestamp().optional(),
    }),
  ).optional(),
  trial_end: z.union([z.literal('now'), timestamp()]).optional(),
  trial_settings: z
    .strictObject({
      end_behavior: z.strictObject({ missing_payment_method: oneOf(['cancel', 'create_invoice', 'pause']) }),
    })
    .optional(),
  ...subscriptionItemsChangeFields,
  add_invoice_items: notBuilt('add_invoice_items', 'Caisse adds no one-off items to a subscription’s invoices'),
  application_fee_percent: connectOnly('application_fee_percent'),
  automatic_tax: z
    .strictObject({
      enabled: bool(),
      liability: z.strictObject({ type: oneOf(['self']) }).optional(),
    })
    .optional(),
  billing_cycle_anchor: notBuilt('billing_cycle_anchor', 'Caisse keeps the billing cycle a subscription started with'),
  billing_schedules: notBuilt('billing_schedules', 'Caisse does not bill ahead of the period'),
  billing_thresholds: notBuilt('billing_thresholds', 'Caisse has no usage thresholds'),
  collection_method: notBuilt('collection_method', 'Caisse charges subscriptions automatically only'),
  days_until_due: notBuilt('days_until_due', 'Caisse charges subscriptions automatically only'),
  default_source: notBuilt('default_source', 'Caisse takes no sources: use default_payment_method'),
  discounts: notBuilt('discounts', 'a subscription keeps the discount it was bought with'),
  invoice_settings: notBuilt('invoice_settings', 'Caisse invoices are issued by the account itself'),
  off_session: bool().optional(),
  on_behalf_of: connectOnly('on_behalf_of'),
  payment_behavior: paymentBehavior(),
  payment_settings: notBuilt('payment_settings', 'Caisse charges subscriptions with their saved card'),
  pending_invoice_item_interval: notBuilt('pending_invoice_item_interval', 'pending invoice items wait for the next renewal'),
  transfer_data: connectOnly('transfer_data'),
  trial_from_plan: notBuilt('trial_from_plan', 'set trial_end instead'),
});

/** DELETE /v1/subscriptions/:id: cancel now. */
export const cancelSubscriptionSchema = z.strictObject({
  cancellation_details: cancellationDetails().optional(),
  expand: expand(),
  invoice_now: bool().optional(),
  prorate: bool().optional(),
});

/** POST /v1/subscriptions/:id/resume. */
export const resumeSubscriptionSchema = z.strictObject({
  // `billing_cycle_anchor[type]=now` in Stripe's current API; a bare `now` in versions before it.
  billing_cycle_anchor: z
    .union([z.strictObject({ type: oneOf(['now', 'unchanged']) }), oneOf(['now', 'unchanged'])])
    .transform((v) => (typeof v === 'string' ? v : v.type))
    .optional(),
  expand: expand(),
  payment_behavior: notBuilt('payment_behavior', 'a resumed subscription is charged by its next renewal'),
  proration_behavior: oneOf(['always_invoice', 'create_prorations', 'none']).optional(),
  proration_date: notBuilt('proration_date', 'Caisse does not prorate a resumed subscription'),
});

export type ListSubscriptionsParams = z.infer<typeof listSubscriptionsSchema>;
export type UpdateSubscriptionParams = z.infer<typeof updateSubscriptionSchema>;
export type CancelSubscriptionParams = z.infer<typeof cancelSubscriptionSchema>;
export type ResumeSubscriptionParams = z.infer<typeof resumeSubscriptionSchema>;
export type CancellationDetailsParams = z.infer<ReturnType<typeof cancellationDetails>>;
