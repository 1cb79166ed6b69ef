import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../client';
import { setupIntents } from '../schema';

export type SetupIntentRow = typeof setupIntents.$inferSelect;
export type NewSetupIntentRow = typeof setupIntents.$inferInsert;
export type SetupIntentStatus = SetupIntentRow['status'];

export async function insertSetupIntent(db: Queryable, p: NewSetupIntentRow): Promise<SetupIntentRow> {
  const [row] = await db.insert(setupIntents).values(p).returning();
  return row;
}

export async function findSetupIntent(db: Queryable, p: { accountId: string; id: string }): Promise<SetupIntentRow | null> {
  const rows = await db
    .select()
    .from(setupIntents)
    .where(and(eq(setupIntents.accountId, p.accountId), eq(setupIntents.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}

/**
 * The session's setup intent moves to `succeeded` with the method it saved, only from a state that is not final;
 * null (nothing written) when it has none or it already ended.
 */
export async function succeedSetupIntentIfStatusIn(
  db: Queryable,
  p: { checkoutSessionId: string; from: SetupIntentStatus[]; paymentMethodId: string | null; customerId: string | null },
): Promise<SetupIntentRow | null> {
  const rows = await db
    .update(setupIntents)
    .set({ status: 'succeeded', paymentMethodId: p.paymentMethodId, customerId: p.customerId, lastSetupError: null })
    .where(and(eq(setupIntents.checkoutSessionId, p.checkoutSessionId), inArray(setupIntents.status, p.from)))
    .returning();
  return rows.at(0) ?? null;
}

/** The columns a step of the session's attempts may set on its setup intent. */
export type SetupIntentStep = Pick<NewSetupIntentRow, 'status'> & Partial<Pick<NewSetupIntentRow, 'lastSetupError'>>;

/** The session's setup intent takes a step of its attempts, only from the states given; null (nothing written) otherwise. */
export async function stepSetupIntentIfStatusIn(
  db: Queryable,
  p: { checkoutSessionId: string; from: SetupIntentStatus[]; set: SetupIntentStep },
): Promise<SetupIntentRow | null> {
  const rows = await db
    .update(setupIntents)
    .set(p.set)
    .where(and(eq(setupIntents.checkoutSessionId, p.checkoutSessionId), inArray(setupIntents.status, p.from)))
    .returning();
  return rows.at(0) ?? null;
}

/** The session's setup intent is canceled, only from a state that is not final; null (nothing written) otherwise. */
export async function cancelSetupIntentIfStatusIn(
  db: Queryable,
  p: { checkoutSessionId: string; from: SetupIntentStatus[]; now: Date },
): Promise<SetupIntentRow | null> {
  const rows = await db
    .update(setupIntents)
    .set({ status: 'canceled', canceledAt: p.now })
    .where(and(eq(setupIntents.checkoutSessionId, p.checkoutSessionId), inArray(setupIntents.status, p.from)))
    .returning();
  return rows.at(0) ?? null;
}
