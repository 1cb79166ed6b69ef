import { and, eq, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { builtOnce } from '../built-once';
import { idempotencyKeys } from '../schema';

export type StoredIdempotency = typeof idempotencyKeys.$inferSelect;

// Every POST with an Idempotency-Key (the SDKs send one with each) claims it, then completes it.
const claim = builtOnce((db) =>
  db
    .insert(idempotencyKeys)
    .values({ accountId: sql.placeholder('accountId'), key: sql.placeholder('key'), requestHash: sql.placeholder('requestHash') })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key })
    .prepare('idempotency_claim'),
);

// Placeholders where drizzle's types want values: drizzle fills them in through each column's encoder, as it does
// values, so the response is sealed (lib/api/idempotency-keys.test.ts).
const complete = builtOnce((db) =>
  db
    .update(idempotencyKeys)
    .set({
      state: 'complete',
      responseStatus: sql.placeholder('status') as unknown as number,
      responseBody: sql.placeholder('body') as unknown as string,
    })
    .where(and(eq(idempotencyKeys.accountId, sql.placeholder('accountId')), eq(idempotencyKeys.key, sql.placeholder('key'))))
    .prepare('idempotency_complete'),
);

/**
 * Claims a key for one request. Returns null when this request now owns it,
 * else the row that holds it. A claim left in flight longer than `staleAfterMs`
 * (its process died) is taken over.
 */
export async function claimIdempotencyKey(
  db: Queryable,
  p: { accountId: string; key: string; requestHash: string; staleAfterMs: number },
): Promise<StoredIdempotency | null> {
  const inserted = await claim(db).execute({ accountId: p.accountId, key: p.key, requestHash: p.requestHash });
  if (inserted.length) return null;
  const takenOver = await db
    .update(idempotencyKeys)
    .set({ requestHash: p.requestHash, createdAt: sql`now()` })
    .where(
      and(
        eq(idempotencyKeys.accountId, p.accountId),
        eq(idempotencyKeys.key, p.key),
        eq(idempotencyKeys.state, 'in_flight'),
        lt(idempotencyKeys.createdAt, sql`now() - make_interval(secs => ${p.staleAfterMs / 1000})`),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  if (takenOver.length) return null;
  const rows = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.accountId, p.accountId), eq(idempotencyKeys.key, p.key)))
    .limit(1);
  // Released between our insert and select: report as in flight; the client retries.
  return (
    rows[0] ?? {
      accountId: p.accountId,
      key: p.key,
      requestHash: p.requestHash,
      state: 'in_flight',
      responseStatus: null,
      responseBody: null,
      createdAt: new Date(),
    }
  );
}

export async function completeIdempotencyKey(db: Queryable, p: { accountId: string; key: string; status: number; body: string }) {
  await complete(db).execute({ accountId: p.accountId, key: p.key, status: p.status, body: p.body });
}

/** Requests that failed validation are not remembered: the same key may be used again. */
export async function releaseIdempotencyKey(db: Queryable, p: { accountId: string; key: string }) {
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.accountId, p.accountId), eq(idempotencyKeys.key, p.key), eq(idempotencyKeys.state, 'in_flight')));
}

/** Keys are kept at least 24 hours, as Stripe does. */
export async function pruneIdempotencyKeys(db: Queryable, olderThan: Date) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, olderThan));
}
