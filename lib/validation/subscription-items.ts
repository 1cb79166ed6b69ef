import { z } from 'zod';
import {
  bool,
  distinctIds,
  expand,
  int,
  listParams,
  metadata,
  nonEmptyStr,
  oneOf,
  timestamp,
  unsettable,
  unsupported,
} from '@/lib/api/params';

export const prorationBehavior = () => oneOf(['always_invoice', 'create_prorations', 'none']);

/**
 * What a change's payment may do: Caisse charges an always_invoice invoice at once and, if that fails, keeps
 * the change with the invoice open (allow_incomplete); waiting for payment before changing is not built.
 */
export const paymentBehavior = () => oneOf(['allow_incomplete', 'default_incomplete']).optional();

const notSupported = {
  billing_thresholds: unsupported('billing_thresholds is not supported: Caisse bills at the end of each period only'),
  current_trial: unsupported('current_trial is not supported by Caisse'),
  discounts: unsupported('Item discounts are not supported by Caisse: discounts apply to the whole subscription'),
  plan: unsupported('plan is not supported: use price'),
  price_data: unsupported('price_data is not supported on subscription items: create the price first, then pass price'),
};

const itemFields = {
  price: nonEmptyStr(255).optional(),
  quantity: int({ min: 0 }).optional(),
  tax_rates: unsettable(distinctIds()).optional(),
  metadata: metadata().optional(),
};

const prorationFields = {
  proration_behavior: prorationBehavior().optional(),
  proration_date: timestamp().optional(),
  payment_behavior: paymentBehavior(),
};

export const createSubscriptionItemSchema = z.strictObject({
  subscription: nonEmptyStr(255),
  ...itemFields,
  ...prorationFields,
  ...notSupported,
  expand: expand(),
});

export const updateSubscriptionItemSchema = z.strictObject({
  ...itemFields,
  ...prorationFields,
  ...notSupported,
  off_session: bool().optional(),
  expand: expand(),
});

export const deleteSubscriptionItemSchema = z.strictObject({
  ...prorationFields,
  clear_usage: bool().optional(),
});

export const listSubscriptionItemsSchema = z.strictObject({ ...listParams, subscription: nonEmptyStr(255) });

/** `items[]` of a subscription update (and of `subscription_details` in a preview): an id to change, or none to add. */
export const subscriptionItemChange = z.strictObject({
  id: nonEmptyStr(255).optional(),
  deleted: bool().optional(),
  clear_usage: bool().optional(),
  ...itemFields,
  ...notSupported,
});

/** The parameters of `POST /v1/subscriptions/{id}` that change its items (updateSubscriptionSchema takes them in). */
export const subscriptionItemsChangeFields = {
  items: z.array(subscriptionItemChange).max(20).optional(),
  proration_behavior: prorationBehavior().optional(),
  proration_date: timestamp().optional(),
};

export type CreateSubscriptionItemParams = z.infer<typeof createSubscriptionItemSchema>;
export type UpdateSubscriptionItemParams = z.infer<typeof updateSubscriptionItemSchema>;
export type DeleteSubscriptionItemParams = z.infer<typeof deleteSubscriptionItemSchema>;
export type ListSubscriptionItemsParams = z.infer<typeof listSubscriptionItemsSchema>;
export type SubscriptionItemChangeParams = z.infer<typeof subscriptionItemChange>;
