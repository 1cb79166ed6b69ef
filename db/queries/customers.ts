import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../client';
import { customers } from '../schema';

export type CustomerRow = typeof customers.$inferSelect;

/**
 * A customer of the account. Deleted customers are left out unless asked for:
 * only retrieve (which shows Stripe's deleted stub) and expansion need them.
 */
export async function findCustomer(
  db: Queryable,
  p: { accountId: string; id: string; includeDeleted?: boolean },
): Promise<CustomerRow | null> {
  const rows = await db
    .select()
    .from(customers)
    .where(and(eq(customers.accountId, p.accountId), eq(customers.id, p.id), p.includeDeleted ? undefined : isNull(customers.deletedAt)))
    .limit(1);
  return rows[0] ?? null;
}
