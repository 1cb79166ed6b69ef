import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../client';
import { subscriptionItems } from '../schema';
import type { NewSubscriptionItemRow, SubscriptionItemRow } from './subscriptions';

export type SubscriptionItemChanges = Partial<Omit<NewSubscriptionItemRow, 'id' | 'accountId' | 'seq' | 'subscriptionId'>>;

/** A live (not deleted) item of the account, or null. */
export async function findLiveSubscriptionItem(db: Queryable, p: { accountId: string; id: string }): Promise<SubscriptionItemRow | null> {
  const rows = await db
    .select()
    .from(subscriptionItems)
    .where(and(eq(subscriptionItems.accountId, p.accountId), eq(subscriptionItems.id, p.id), isNull(subscriptionItems.deletedAt)))
    .limit(1);
  return rows.at(0) ?? null;
}

export async function updateSubscriptionItemFields(
  db: Queryable,
  p: { accountId: string; id: string; set: SubscriptionItemChanges },
): Promise<SubscriptionItemRow> {
  const row = (
    await db
      .update(subscriptionItems)
      .set(p.set)
      .where(and(eq(subscriptionItems.accountId, p.accountId), eq(subscriptionItems.id, p.id)))
      .returning()
  ).at(0);
  if (!row) throw new Error(`updateSubscriptionItemFields: no subscription item ${p.id}`);
  return row;
}
