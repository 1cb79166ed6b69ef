import type { Tx } from '@/db/client';
import { updateSubscriptionFields, type SubscriptionChanges, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { ScopeRequest } from '@/db/scope';
import { recordEvent } from '@/lib/events/record-event';
import { subscriptionObject } from '../subscription-reads';

type ChangeEvent =
  'customer.subscription.updated' | 'customer.subscription.deleted' | 'customer.subscription.paused' | 'customer.subscription.resumed';

/** The top-level fields whose serialized value changed, with their values before: Stripe's `previous_attributes`. */
function previousAttributes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(before).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(after[key])));
}

type SubscriptionObject = Awaited<ReturnType<typeof subscriptionObject>>;

/**
 * Every change to a subscription (the caller holds its lock): the columns set, and its event with what
 * changed (`customer.subscription.updated` unless another is named: `deleted` when it ends, `paused`,
 * `resumed`). Nothing is recorded when nothing visible changed. `request`: the API request behind the change, if any.
 * A caller that changed the subscription's items first passes the subscription as it was (`before`).
 */
export async function changeSubscription(
  tx: Tx,
  sub: SubscriptionRow,
  set: SubscriptionChanges,
  event: ChangeEvent = 'customer.subscription.updated',
  request?: ScopeRequest,
  before?: SubscriptionObject,
): Promise<SubscriptionRow> {
  const was = before ?? (await subscriptionObject(tx, sub));
  const updated = Object.keys(set).length ? await updateSubscriptionFields(tx, { accountId: sub.accountId, id: sub.id, set }) : sub;
  const object = await subscriptionObject(tx, updated);
  const previous = previousAttributes(was, object);
  if (event === 'customer.subscription.updated' && Object.keys(previous).length === 0) return updated;
  await recordEvent(tx, {
    accountId: sub.accountId,
    type: event,
    object,
    ...(event === 'customer.subscription.deleted' ? {} : { previousAttributes: previous }),
    request,
  });
  return updated;
}
