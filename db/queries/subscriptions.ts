import type { Queryable } from '../client';
import { subscriptions } from '../schema';

export type NewSubscriptionRow = typeof subscriptions.$inferInsert;

export async function insertSubscription(db: Queryable, p: NewSubscriptionRow): Promise<void> {
  await db.insert(subscriptions).values(p);
}
