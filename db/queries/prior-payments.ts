import { and, eq, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { checkoutSessions } from '../schema';

/**
 * Whether a customer (by id or email) has paid this account before, for
 * first-time-only promotion codes. Unknown (neither given) is null.
 */
export async function hasPriorPayments(
  db: Queryable,
  accountId: string,
  who: { customerId: string | null; email: string | null },
): Promise<boolean | null> {
  if (!who.customerId && !who.email) return null;
  const rows = await db
    .select({ id: checkoutSessions.id })
    .from(checkoutSessions)
    .where(
      and(
        eq(checkoutSessions.accountId, accountId),
        eq(checkoutSessions.paymentStatus, 'paid'),
        or(
          who.customerId ? eq(checkoutSessions.customerId, who.customerId) : undefined,
          who.email ? sql`lower(${checkoutSessions.customerDetails}->>'email') = lower(${who.email})` : undefined,
        ),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
