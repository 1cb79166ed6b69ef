import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { paymentIntentForSession } from '@/db/queries/payment-intents';
import { lockSessionById } from '@/db/queries/public-session';
import { checkoutSessions } from '@/db/schema';
import type { ConfirmResult } from './confirm-payment';
import type { DiscountRefusal } from './discount-eligibility';
import { notPayable } from './payment-state';
import { reprice } from './reprice';

/**
 * The discount ran out, or stopped applying, between the customer applying it and paying: it leaves
 * the order and the order is repriced, so the page shows the new total before the customer pays again
 * (or leaves). Nothing was charged.
 */
export async function dropRefusedDiscount(db: Db, sessionId: string, refusal: DiscountRefusal, now: Date): Promise<ConfirmResult> {
  await db.transaction(async (tx) => {
    const session = await lockSessionById(tx, sessionId);
    if (!session || notPayable(session, now) || !session.discounts.length) return;
    // Another tab's attempt may hold the session now: its amount must stay the amount it charges.
    const attempt = await paymentIntentForSession(tx, session.id);
    if (attempt && (attempt.status === 'processing' || attempt.status === 'requires_action')) return;
    const [updated] = await tx
      .update(checkoutSessions)
      .set({ discounts: [] })
      .where(and(eq(checkoutSessions.id, session.id), eq(checkoutSessions.status, 'open')))
      .returning();
    await reprice(tx, updated);
  });
  const removed = refusal === 'code_exhausted' || refusal === 'coupon_exhausted' ? 'discount_removed_exhausted' : 'discount_removed';
  return { state: 'invalid', errors: { promotion_code: removed } };
}
