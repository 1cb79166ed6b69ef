import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../client';
import { paymentIntents } from '../schema';

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
  p: { id: string; amount: number; attemptId: string; now: Date },
): Promise<PaymentIntentRow | null> {
  const rows = await db
    .update(paymentIntents)
    .set({ status: 'processing', amount: p.amount, lastPaymentError: null, attemptId: p.attemptId, attemptStartedAt: p.now })
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
