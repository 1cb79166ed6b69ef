import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { builtInserts, builtOnce } from '../built-once';
import { checkoutLineItems, checkoutSessions, prices } from '../schema';
import { checkoutDomainSubquery } from './custom-domains';

export type SessionRow = typeof checkoutSessions.$inferSelect;
export type LineItemRow = typeof checkoutLineItems.$inferSelect;

// Retrieving a session runs this on every request.
const sessionById = builtOnce((db) =>
  db
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.accountId, sql.placeholder('accountId')), eq(checkoutSessions.id, sql.placeholder('id'))))
    .limit(1)
    .prepare('checkout_session_by_id'),
);

export async function findSession(db: Queryable, p: { accountId: string; id: string }): Promise<SessionRow | null> {
  const rows = await sessionById(db).execute({ accountId: p.accountId, id: p.id });
  return rows[0] ?? null;
}

// A retrieve needs the session and, for its url, the domain the account's checkout links use: both in one statement.
// The domain is a subquery on the account id, not a join sorted by domain: Postgres planned that join anew on every
// execution once its statistics knew the account had no domain (retrieve fell to a third of its speed in the bench).
const sessionAndDomainById = builtOnce((db) =>
  db
    .select({
      session: checkoutSessions,
      checkoutDomain: checkoutDomainSubquery(sql.placeholder('accountId')),
    })
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.accountId, sql.placeholder('accountId')), eq(checkoutSessions.id, sql.placeholder('id'))))
    .limit(1)
    .prepare('checkout_session_and_domain_by_id'),
);

/** One of the account's sessions with its account's checkout domain (null for none); null for no such session. */
export async function findSessionAndCheckoutDomain(
  db: Queryable,
  p: { accountId: string; id: string },
): Promise<{ session: SessionRow; checkoutDomain: string | null } | null> {
  const rows = await sessionAndDomainById(db).execute({ accountId: p.accountId, id: p.id });
  return rows[0] ?? null;
}

/** The checkout session a subscription was started from, if it was: its language is the customer's first choice of one. */
export async function sessionOfSubscription(db: Queryable, p: { accountId: string; subscriptionId: string }): Promise<SessionRow | null> {
  const rows = await db
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.accountId, p.accountId), eq(checkoutSessions.subscriptionId, p.subscriptionId)))
    .limit(1);
  return rows[0] ?? null;
}

/** Locks the session row for a state change (FOR UPDATE); null for no such session. */
export async function lockSession(db: Queryable, p: { accountId: string; id: string }): Promise<SessionRow | null> {
  const rows = await db
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.accountId, p.accountId), eq(checkoutSessions.id, p.id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** A session's line items with their prices, in order; optional items that were not added are left out unless asked for. */
export async function sessionLineItems(
  db: Queryable,
  p: { accountId: string; sessionId: string; includeUnselected?: boolean; afterPosition?: number; limit?: number },
) {
  const rows = await db
    .select({ line: checkoutLineItems, price: prices })
    .from(checkoutLineItems)
    .innerJoin(prices, eq(prices.id, checkoutLineItems.priceId))
    .where(
      and(
        eq(checkoutLineItems.accountId, p.accountId),
        eq(checkoutLineItems.sessionId, p.sessionId),
        p.includeUnselected ? undefined : eq(checkoutLineItems.selected, true),
        p.afterPosition === undefined ? undefined : gt(checkoutLineItems.position, p.afterPosition),
      ),
    )
    .orderBy(asc(checkoutLineItems.position))
    .limit(p.limit ?? 1000);
  return rows;
}

export type NewSessionRow = typeof checkoutSessions.$inferInsert;
/** The columns an update may set: everything but the keys. */
export type SessionFields = Partial<Omit<NewSessionRow, 'id' | 'accountId'>>;

const sessionInserts = builtInserts(checkoutSessions);

export async function insertSession(db: Queryable, p: NewSessionRow): Promise<SessionRow> {
  return sessionInserts.returning(db, p);
}

/** Sets the given columns of one of the account's sessions (the caller holds its lock); the updated row. */
export async function updateSessionFields(db: Queryable, p: { accountId: string; id: string; set: SessionFields }): Promise<SessionRow> {
  const [row] = await db
    .update(checkoutSessions)
    .set(p.set)
    .where(and(eq(checkoutSessions.accountId, p.accountId), eq(checkoutSessions.id, p.id)))
    .returning();
  return row;
}

/**
 * Sets the given columns only while the session is still open: null when it is not (no row matched).
 * Every transition out of `open` (complete, expire) and every change that needs it open goes through here.
 */
export async function updateSessionIfOpen(db: Queryable, p: { id: string; set: SessionFields }): Promise<SessionRow | null> {
  const rows = await db
    .update(checkoutSessions)
    .set(p.set)
    .where(and(eq(checkoutSessions.id, p.id), eq(checkoutSessions.status, 'open')))
    .returning();
  return rows.at(0) ?? null;
}

/** unpaid → paid, once: null when the session was not unpaid (already marked paid). */
export async function markSessionPaidIfUnpaid(db: Queryable, p: { id: string }): Promise<SessionRow | null> {
  const rows = await db
    .update(checkoutSessions)
    .set({ paymentStatus: 'paid' })
    .where(and(eq(checkoutSessions.id, p.id), eq(checkoutSessions.paymentStatus, 'unpaid')))
    .returning();
  return rows.at(0) ?? null;
}

/** Counts one more declined attempt on the session, in the statement (no read-modify-write). */
export async function incrementSessionDeclines(db: Queryable, p: { id: string }): Promise<void> {
  await db
    .update(checkoutSessions)
    .set({ declinedAttempts: sql`${checkoutSessions.declinedAttempts} + 1` })
    .where(eq(checkoutSessions.id, p.id));
}

/** The open session recovered from an expired one, if there is one. */
export async function openRecoveryOf(db: Queryable, p: { recoveredFrom: string }): Promise<{ id: string } | null> {
  const rows = await db
    .select({ id: checkoutSessions.id })
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.recoveredFrom, p.recoveredFrom), eq(checkoutSessions.status, 'open')))
    .limit(1);
  return rows.at(0) ?? null;
}

/**
 * Open sessions past `expires_at`, soonest first, locked (SKIP LOCKED: several sweepers share the work). A session
 * never expires under a charge in flight: one with a `processing` intent is left for a later sweep.
 */
export async function lockSessionsDueToExpire(db: Queryable, p: { now: Date; limit: number }) {
  return db
    .select()
    .from(checkoutSessions)
    .where(
      and(
        eq(checkoutSessions.status, 'open'),
        lte(checkoutSessions.expiresAt, p.now),
        sql`not exists (select 1 from payment_intents where payment_intents.checkout_session_id = ${checkoutSessions.id} and payment_intents.status = 'processing')`,
      ),
    )
    .orderBy(checkoutSessions.expiresAt)
    .limit(p.limit)
    .for('update', { skipLocked: true });
}
