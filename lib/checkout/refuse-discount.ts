import type { Db } from '@/db/client';
import { updateSessionIfOpen } from '@/db/queries/checkout-sessions';
import { paymentIntentForSession } from '@/db/queries/payment-intents';
import { lockSessionById } from '@/db/queries/public-session';
import type { ConfirmResult } from './confirm-payment';
import type { DiscountRefusal } from './discount-eligibility';
import { notPayable } from './payment-state';
import { reprice } from './reprice';
import { present } from '@/lib/util/present';

const ranOut = (refusal: DiscountRefusal) => refusal === 'code_exhausted' || refusal === 'coupon_exhausted';

/**
 * The discount stopped applying between the customer applying it and paying; nothing was charged.
 * A code that ran out (someone else redeemed the last use) leaves the order, which is repriced, so the
 * page shows the new total before the customer pays again or leaves. Any other reason (first order
 * only, a minimum the order misses) is told as it is, with the code left for the customer to remove.
 */
export async function refuseDiscount(db: Db, sessionId: string, refusal: DiscountRefusal, now: Date): Promise<ConfirmResult> {
  if (!ranOut(refusal)) return { state: 'invalid', errors: { promotion_code: refusal } };
  await db.transaction(async (tx) => {
    const session = await lockSessionById(tx, sessionId);
    if (!session || notPayable(session, now) || !session.discounts.length) return;
    // Another tab's attempt may hold the session now: its amount must stay the amount it charges.
    const attempt = await paymentIntentForSession(tx, session.id);
    if (attempt && (attempt.status === 'processing' || attempt.status === 'requires_action')) return;
    // Locked and payable (open): the update matches.
    const updated = await updateSessionIfOpen(tx, { id: session.id, set: { discounts: [] } });
    await reprice(tx, present(updated, `open session ${session.id} under its lock`));
  });
  return { state: 'invalid', errors: { promotion_code: 'discount_removed_exhausted' } };
}
