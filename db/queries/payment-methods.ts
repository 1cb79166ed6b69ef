import type { Queryable } from '../client';
import { paymentMethods } from '../schema';

export type NewPaymentMethodRow = typeof paymentMethods.$inferInsert;

export async function insertPaymentMethod(db: Queryable, p: NewPaymentMethodRow): Promise<void> {
  await db.insert(paymentMethods).values(p);
}
