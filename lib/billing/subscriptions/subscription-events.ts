import type { Queryable } from '@/db/client';
import type { SubscriptionRow } from '@/db/queries/subscriptions';
import { recordEvent } from '@/lib/events/record-event';
import { subscriptionObject } from '../subscription-reads';

type SubscriptionEventType =
  | 'customer.subscription.created'
  | 'customer.subscription.updated'
  | 'customer.subscription.deleted'
  | 'customer.subscription.trial_will_end'
  | 'customer.subscription.paused'
  | 'customer.subscription.resumed';

/** A subscription event with the subscription as it is now, and what changed (`previous_attributes`) for updates. */
export async function recordSubscriptionEvent(
  db: Queryable,
  type: SubscriptionEventType,
  sub: SubscriptionRow,
  previousAttributes?: Record<string, unknown>,
): Promise<void> {
  await recordEvent(db, {
    accountId: sub.accountId,
    type,
    object: await subscriptionObject(db, sub),
    ...(previousAttributes ? { previousAttributes } : {}),
  });
}
