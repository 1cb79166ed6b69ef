import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../client';
import { customers, testClocks } from '../schema';

export type TestClockRow = typeof testClocks.$inferSelect;

/** The live clock a customer is attached to, or null. */
export async function clockOfCustomer(db: Queryable, p: { accountId: string; customerId: string }): Promise<TestClockRow | null> {
  const rows = await db
    .select({ clock: testClocks })
    .from(customers)
    .innerJoin(testClocks, eq(testClocks.id, customers.testClockId))
    .where(and(eq(customers.accountId, p.accountId), eq(customers.id, p.customerId), isNull(testClocks.deletedAt)))
    .limit(1);
  return rows.at(0)?.clock ?? null;
}

export async function findTestClock(db: Queryable, p: { accountId: string; id: string }): Promise<TestClockRow | null> {
  const rows = await db
    .select()
    .from(testClocks)
    .where(and(eq(testClocks.accountId, p.accountId), eq(testClocks.id, p.id), isNull(testClocks.deletedAt)))
    .limit(1);
  return rows.at(0) ?? null;
}
