import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { paymentMethods } from '../schema';

export type PaymentMethodRow = typeof paymentMethods.$inferSelect;
export type NewPaymentMethodRow = typeof paymentMethods.$inferInsert;

export async function insertPaymentMethod(db: Queryable, p: NewPaymentMethodRow): Promise<void> {
  await db.insert(paymentMethods).values(p);
}

export async function findPaymentMethod(db: Queryable, p: { accountId: string; id: string }): Promise<PaymentMethodRow | null> {
  const rows = await db
    .select()
    .from(paymentMethods)
    .where(and(eq(paymentMethods.accountId, p.accountId), eq(paymentMethods.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}
