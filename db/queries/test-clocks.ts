import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../client';
import { customers, subscriptions, testClocks } from '../schema';

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

export type NewTestClockRow = typeof testClocks.$inferInsert;

export async function insertTestClock(db: Queryable, p: NewTestClockRow): Promise<TestClockRow> {
  const row = (await db.insert(testClocks).values(p).returning()).at(0);
  if (!row) throw new Error('insertTestClock: no row returned');
  return row;
}

/** ready → advancing toward `to`: of two concurrent advances only one starts; null when the clock was not ready. */
export async function startAdvance(db: Queryable, p: { accountId: string; id: string; to: Date }): Promise<TestClockRow | null> {
  const rows = await db
    .update(testClocks)
    .set({ status: 'advancing', advancingTo: p.to, leaseUntil: null })
    .where(
      and(eq(testClocks.accountId, p.accountId), eq(testClocks.id, p.id), eq(testClocks.status, 'ready'), isNull(testClocks.deletedAt)),
    )
    .returning();
  return rows.at(0) ?? null;
}

/**
 * Takes (or renews) the lease on an advancing clock: only while nobody else holds an unexpired one, or
 * when `holder` is the one holding it (identified by the lease it set). Null when another process has it.
 */
export async function leaseAdvance(
  db: Queryable,
  p: { id: string; now: Date; until: Date; held?: Date | null },
): Promise<TestClockRow | null> {
  const free = or(isNull(testClocks.leaseUntil), lt(testClocks.leaseUntil, p.now), p.held ? eq(testClocks.leaseUntil, p.held) : undefined);
  const rows = await db
    .update(testClocks)
    .set({ leaseUntil: p.until })
    .where(and(eq(testClocks.id, p.id), eq(testClocks.status, 'advancing'), isNull(testClocks.deletedAt), free))
    .returning();
  return rows.at(0) ?? null;
}

export async function setClockFields(db: Queryable, p: { id: string; set: Partial<NewTestClockRow> }): Promise<TestClockRow | null> {
  const rows = await db.update(testClocks).set(p.set).where(eq(testClocks.id, p.id)).returning();
  return rows.at(0) ?? null;
}

/** Clocks left advancing whose lease ran out (their process died), for the billing job to take over. */
export async function abandonedAdvances(db: Queryable, p: { now: Date; limit: number }): Promise<TestClockRow[]> {
  return db
    .select()
    .from(testClocks)
    .where(
      and(
        eq(testClocks.status, 'advancing'),
        isNull(testClocks.deletedAt),
        or(isNull(testClocks.leaseUntil), lt(testClocks.leaseUntil, p.now)),
      ),
    )
    .limit(p.limit);
}

/** advancing → ready at the target, only by the process holding the lease `held`; null when it no longer does. */
export async function finishAdvance(db: Queryable, p: { id: string; held: Date; at: Date }): Promise<TestClockRow | null> {
  const rows = await db
    .update(testClocks)
    .set({ frozenTime: p.at, status: 'ready', advancingTo: null, leaseUntil: null })
    .where(and(eq(testClocks.id, p.id), eq(testClocks.status, 'advancing'), eq(testClocks.leaseUntil, p.held)))
    .returning();
  return rows.at(0) ?? null;
}

/** A deleted clock takes its objects with it: its customers are deleted and their live subscriptions end. */
export async function endClockObjects(db: Queryable, p: { accountId: string; clockId: string; now: Date }): Promise<void> {
  await db
    .update(subscriptions)
    .set({ status: 'canceled', endedAt: p.now, canceledAt: p.now })
    .where(
      and(
        eq(subscriptions.accountId, p.accountId),
        eq(subscriptions.testClockId, p.clockId),
        inArray(subscriptions.status, ['active', 'trialing', 'past_due', 'unpaid', 'paused', 'incomplete']),
      ),
    );
  await db
    .update(customers)
    .set({ deletedAt: p.now })
    .where(and(eq(customers.accountId, p.accountId), eq(customers.testClockId, p.clockId), isNull(customers.deletedAt)));
}
