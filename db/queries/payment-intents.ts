import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../client';
import { paymentIntents } from '../schema';

export type PaymentIntentRow = typeof paymentIntents.$inferSelect;

export async function findPaymentIntent(db: Queryable, p: { accountId: string; id: string }): Promise<PaymentIntentRow | null> {
  const rows = await db.select().from(paymentIntents).where(and(eq(paymentIntents.accountId, p.accountId), eq(paymentIntents.id, p.id))).limit(1);
  return rows[0] ?? null;
}

export async function paymentIntentForSession(db: Queryable, sessionId: string): Promise<PaymentIntentRow | null> {
  const rows = await db.select().from(paymentIntents).where(eq(paymentIntents.checkoutSessionId, sessionId)).limit(1);
  return rows[0] ?? null;
}

/**
 * Takes the payment intent for one attempt: a single conditional update, so
 * of two concurrent submits exactly one goes on to charge the card.
 */
export async function claimPaymentAttempt(db: Queryable, id: string, amount: number): Promise<PaymentIntentRow | null> {
  const rows = await db
    .update(paymentIntents)
    .set({ status: 'processing', amount, lastPaymentError: null })
    .where(and(eq(paymentIntents.id, id), inArray(paymentIntents.status, ['requires_payment_method', 'requires_confirmation'])))
    .returning();
  return rows[0] ?? null;
}
