import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { paymentIntents, type PaymentIntentCancellationReason, type ReservedDiscount } from '../schema';

export type PaymentIntentRow = typeof paymentIntents.$inferSelect;
type IntentChanges = Partial<typeof paymentIntents.$inferInsert>;

export async function findPaymentIntent(db: Queryable, p: { accountId: string; id: string }): Promise<PaymentIntentRow | null> {
  const rows = await db
    .select()
    .from(paymentIntents)
    .where(and(eq(paymentIntents.accountId, p.accountId), eq(paymentIntents.id, p.id)))
    .limit(1);
  return rows[0] ?? null;
}

/** An intent by its id alone, whatever its account: for a signed link, whose signature names the intent. */
export async function findPaymentIntentById(db: Queryable, id: string): Promise<PaymentIntentRow | null> {
  const rows = await db.select().from(paymentIntents).where(eq(paymentIntents.id, id)).limit(1);
  return rows.at(0) ?? null;
}

/** One of the account's intents, locked (FOR UPDATE): a confirm and a cancel of one intent serialize. */
export async function lockPaymentIntent(db: Queryable, p: { accountId: string; id: string }): Promise<PaymentIntentRow | null> {
  const rows = await db
    .select()
    .from(paymentIntents)
    .where(and(eq(paymentIntents.accountId, p.accountId), eq(paymentIntents.id, p.id)))
    .for('update');
  return rows.at(0) ?? null;
}

export async function paymentIntentForSession(db: Queryable, sessionId: string): Promise<PaymentIntentRow | null> {
  const rows = await db.select().from(paymentIntents).where(eq(paymentIntents.checkoutSessionId, sessionId)).limit(1);
  return rows[0] ?? null;
}

/**
 * Takes the payment intent for one attempt (T1 in lib/checkout/payment-state.ts): a single conditional
 * update, so of two concurrent submits exactly one goes on to charge the card.
 */
export async function claimPaymentAttempt(
  db: Queryable,
  p: { id: string; amount: number; currency?: string | null; attemptId: string; now: Date },
): Promise<PaymentIntentRow | null> {
  const rows = await db
    .update(paymentIntents)
    .set({
      status: 'processing',
      amount: p.amount,
      ...(p.currency && { currency: p.currency }),
      lastPaymentError: null,
      attemptId: p.attemptId,
      attemptStartedAt: p.now,
    })
    .where(and(eq(paymentIntents.id, p.id), inArray(paymentIntents.status, ['requires_payment_method', 'requires_confirmation'])))
    .returning();
  return rows[0] ?? null;
}

/** Resumes the attempt a challenge paused (T5): requires_action → processing, its clock restarted. */
export async function resumeChallengedAttempt(db: Queryable, p: { sessionId: string; now: Date }): Promise<PaymentIntentRow | null> {
  const rows = await db
    .update(paymentIntents)
    .set({ status: 'processing', attemptStartedAt: p.now })
    .where(and(eq(paymentIntents.checkoutSessionId, p.sessionId), eq(paymentIntents.status, 'requires_action')))
    .returning();
  return rows[0] ?? null;
}

/** The same for an intent named by its id (an invoice's, which has no session): requires_action → processing, or null. */
export async function resumeChallengedIntent(db: Queryable, p: { id: string; now: Date }): Promise<PaymentIntentRow | null> {
  const rows = await db
    .update(paymentIntents)
    .set({ status: 'processing', attemptStartedAt: p.now })
    .where(and(eq(paymentIntents.id, p.id), eq(paymentIntents.status, 'requires_action')))
    .returning();
  return rows[0] ?? null;
}

/** Records an attempt's outcome only while the intent is still processing that attempt: null when it is not. */
export async function settleAttempt(
  db: Queryable,
  p: { id: string; attemptId: string },
  changes: IntentChanges,
): Promise<PaymentIntentRow | null> {
  const rows = await db
    .update(paymentIntents)
    .set(changes)
    .where(and(eq(paymentIntents.id, p.id), eq(paymentIntents.status, 'processing'), eq(paymentIntents.attemptId, p.attemptId)))
    .returning();
  return rows[0] ?? null;
}

export type NewPaymentIntentRow = typeof paymentIntents.$inferInsert;

export async function insertPaymentIntent(db: Queryable, p: NewPaymentIntentRow): Promise<PaymentIntentRow> {
  const [row] = await db.insert(paymentIntents).values(p).returning();
  return row;
}

/** Sets the given columns of one of the account's intents (locked by the caller, or its attempt settled); the updated row. */
export async function updatePaymentIntentFields(
  db: Queryable,
  p: { accountId: string; id: string; set: IntentChanges },
): Promise<PaymentIntentRow> {
  const [row] = await db
    .update(paymentIntents)
    .set(p.set)
    .where(and(eq(paymentIntents.accountId, p.accountId), eq(paymentIntents.id, p.id)))
    .returning();
  return row;
}

/** The session's intent, locked (FOR UPDATE); null for none. */
export async function lockPaymentIntentForSession(db: Queryable, sessionId: string): Promise<PaymentIntentRow | null> {
  const rows = await db.select().from(paymentIntents).where(eq(paymentIntents.checkoutSessionId, sessionId)).for('update');
  return rows.at(0) ?? null;
}

/**
 * Cancels the intent only while its status is one of `from` (the caller's cancelable states): null when
 * it is not (no row matched). The reason is `abandoned` unless given; null (a merchant's cancel that gave
 * none) leaves it null, as Stripe does.
 */
export async function cancelIntentIfStatusIn(
  db: Queryable,
  p: { id: string; from: PaymentIntentRow['status'][]; now: Date; reason?: PaymentIntentCancellationReason | null },
): Promise<PaymentIntentRow | null> {
  const rows = await db
    .update(paymentIntents)
    .set({
      status: 'canceled',
      canceledAt: p.now,
      cancellationReason: p.reason === undefined ? 'abandoned' : p.reason,
      nextAction: null,
      processorState: null,
      attemptStartedAt: null,
    })
    .where(and(eq(paymentIntents.id, p.id), inArray(paymentIntents.status, p.from)))
    .returning();
  return rows.at(0) ?? null;
}

/** The discount an intent's attempt holds, read with the intent locked (FOR UPDATE); null when none (or no such intent). */
export async function lockReservedDiscount(db: Queryable, id: string): Promise<ReservedDiscount | null> {
  const rows = await db
    .select({ reserved: paymentIntents.reservedDiscount })
    .from(paymentIntents)
    .where(eq(paymentIntents.id, id))
    .for('update');
  return rows.at(0)?.reserved ?? null;
}

/** Clears the intent's reservation only while it holds one: whether it did, so each reservation is given back once. */
export async function clearReservedDiscountIfHeld(db: Queryable, id: string): Promise<boolean> {
  const rows = await db
    .update(paymentIntents)
    .set({ reservedDiscount: null })
    .where(and(eq(paymentIntents.id, id), sql`${paymentIntents.reservedDiscount} is not null`))
    .returning({ id: paymentIntents.id });
  return rows.length > 0;
}

/** Intents still `processing` whose attempt started before `startedBefore`, oldest first: attempts whose process died. */
export async function listLostAttempts(db: Queryable, p: { startedBefore: Date; limit: number }): Promise<PaymentIntentRow[]> {
  return db
    .select()
    .from(paymentIntents)
    .where(
      and(
        eq(paymentIntents.status, 'processing'),
        isNotNull(paymentIntents.attemptStartedAt),
        lte(paymentIntents.attemptStartedAt, p.startedBefore),
      ),
    )
    .orderBy(asc(paymentIntents.attemptStartedAt))
    .limit(p.limit);
}

/** Test SEPA debits whose settlement time has come, oldest first, locked (SKIP LOCKED: several sweepers share the work). */
export async function lockDueSepaDebits(db: Queryable, p: { now: Date; limit: number }): Promise<PaymentIntentRow[]> {
  return db
    .select()
    .from(paymentIntents)
    .where(
      and(
        eq(paymentIntents.status, 'processing'),
        sql`${paymentIntents.processorState}->>'method' = 'sepa_debit'`,
        sql`(${paymentIntents.processorState}->>'settle_at')::timestamptz <= ${p.now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(paymentIntents.seq))
    .limit(p.limit)
    .for('update', { skipLocked: true });
}

/**
 * requires_capture → succeeded, once: the captured amount received and the metadata given. Null when the
 * intent no longer waits for capture (captured, released or expired first), so of a capture and a release
 * racing for one authorization exactly one wins.
 */
export async function captureIntentIfRequiresCapture(
  db: Queryable,
  p: { accountId: string; id: string; amountReceived: number; metadata: Record<string, string> },
): Promise<PaymentIntentRow | null> {
  const rows = await db
    .update(paymentIntents)
    .set({ status: 'succeeded', amountReceived: p.amountReceived, metadata: p.metadata })
    .where(and(eq(paymentIntents.accountId, p.accountId), eq(paymentIntents.id, p.id), eq(paymentIntents.status, 'requires_capture')))
    .returning();
  return rows.at(0) ?? null;
}
