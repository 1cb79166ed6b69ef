import 'server-only';
import type { Db } from '@/db/client';
import { cancelSubscriptionById } from '@/lib/billing/subscriptions/cancel-subscription';
import { cancelSubscriptionSchema } from '@/lib/validation/subscriptions';
import { openWithFeature, ownLiveSubscription, refusedOnApiError, type PortalActionResult, type PortalTarget } from './portal-access';

/**
 * "Cancel now" (features.subscription_cancel with mode=immediately): DELETE /v1/subscriptions/:id's code,
 * prorated when the configuration's proration_behavior is create_prorations. With cancellation_reason
 * enabled, the reason the customer picked (one of the configured options, else refused) becomes the
 * subscription's cancellation_details.feedback, as Stripe's portal records it. No reason picked: none recorded.
 */
export async function portalCancelNow(db: Db, p: PortalTarget & { subscriptionId: string; reason: string }): Promise<PortalActionResult> {
  const open = await openWithFeature(db, p, 'subscription_cancel');
  if (!open) return 'expired';
  const { session, features } = open;
  if (features.subscription_cancel.mode !== 'immediately') return 'refused';
  const sub = await ownLiveSubscription(db, session, p.subscriptionId);
  if (!sub) return 'refused';
  const reasons = features.subscription_cancel.cancellation_reason;
  if (p.reason && !(reasons.enabled && reasons.options.includes(p.reason))) return 'refused';
  const params = cancelSubscriptionSchema.safeParse({
    prorate: features.subscription_cancel.proration_behavior === 'create_prorations',
    ...(p.reason ? { cancellation_details: { feedback: p.reason } } : {}),
  });
  if (!params.success) return 'refused';
  return refusedOnApiError(() => cancelSubscriptionById(db, { accountId: sub.accountId, id: sub.id }, params.data));
}
