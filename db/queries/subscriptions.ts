import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable } from '../client';
import { subscriptionItems, subscriptions } from '../schema';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type NewSubscriptionRow = typeof subscriptions.$inferInsert;
export type SubscriptionItemRow = typeof subscriptionItems.$inferSelect;
export type NewSubscriptionItemRow = typeof subscriptionItems.$inferInsert;
export type SubscriptionChanges = Partial<Omit<NewSubscriptionRow, 'id' | 'accountId' | 'seq'>>;

export async function insertSubscription(db: Queryable, p: NewSubscriptionRow): Promise<SubscriptionRow> {
  const row = (await db.insert(subscriptions).values(p).returning()).at(0);
  if (!row) throw new Error('insertSubscription: no row returned');
  return row;
}

export async function insertSubscriptionItems(db: Queryable, rows: NewSubscriptionItemRow[]): Promise<void> {
  if (rows.length) await db.insert(subscriptionItems).values(rows);
}

export async function findSubscription(db: Queryable, p: { accountId: string; id: string }): Promise<SubscriptionRow | null> {
  const rows = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.accountId, p.accountId), eq(subscriptions.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}

/** The subscription under its row lock: every change to it (renewal, update, cancel, payment) takes this first. */
export async function lockSubscription(db: Queryable, p: { accountId: string; id: string }): Promise<SubscriptionRow | null> {
  const rows = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.accountId, p.accountId), eq(subscriptions.id, p.id)))
    .for('update')
    .limit(1);
  return rows.at(0) ?? null;
}

/**
 * A customer's subscriptions in `statuses` that name their own default payment method, under their row locks,
 * in id order (two transactions taking several never wait on each other in a circle).
 */
export async function lockSubscriptionsWithDefaultMethod(
  db: Queryable,
  p: { accountId: string; customerId: string; statuses: readonly SubscriptionRow['status'][] },
): Promise<SubscriptionRow[]> {
  return db
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.accountId, p.accountId),
        eq(subscriptions.customerId, p.customerId),
        inArray(subscriptions.status, [...p.statuses]),
        isNotNull(subscriptions.defaultPaymentMethodId),
      ),
    )
    .orderBy(asc(subscriptions.id))
    .for('update');
}

export async function updateSubscriptionFields(
  db: Queryable,
  p: { accountId: string; id: string; set: SubscriptionChanges },
): Promise<SubscriptionRow> {
  const row = (
    await db
      .update(subscriptions)
      .set(p.set)
      .where(and(eq(subscriptions.accountId, p.accountId), eq(subscriptions.id, p.id)))
      .returning()
  ).at(0);
  if (!row) throw new Error(`updateSubscriptionFields: no subscription ${p.id}`);
  return row;
}

/** The items a subscription bills now (deleted ones excluded), oldest first. */
export async function subscriptionItemsOf(
  db: Queryable,
  p: { accountId: string; subscriptionIds: string[] },
): Promise<SubscriptionItemRow[]> {
  if (!p.subscriptionIds.length) return [];
  return db
    .select()
    .from(subscriptionItems)
    .where(
      and(
        eq(subscriptionItems.accountId, p.accountId),
        inArray(subscriptionItems.subscriptionId, p.subscriptionIds),
        isNull(subscriptionItems.deletedAt),
      ),
    )
    .orderBy(asc(subscriptionItems.seq));
}

/** The customer's live subscription that renews first (what an invoice preview for the customer shows), or null. */
export async function nextRenewingSubscriptionOf(
  db: Queryable,
  p: { accountId: string; customerId: string },
): Promise<SubscriptionRow | null> {
  const rows = await db
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.accountId, p.accountId),
        eq(subscriptions.customerId, p.customerId),
        inArray(subscriptions.status, ['active', 'trialing', 'past_due', 'unpaid', 'incomplete']),
      ),
    )
    .orderBy(asc(subscriptions.currentPeriodEnd))
    .limit(1);
  return rows.at(0) ?? null;
}
