import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { charges, disputes, events } from '@/db/schema';
import { confirmPayment } from '@/lib/checkout/confirm-payment';
import { newSession, newShop, payForm } from '@/lib/checkout/testing/checkout-world';
import { TEST_FOLLOW_UP_MS } from '@/lib/payments/test-processor';

/** Stripe's test card whose payment succeeds, then is disputed as fraudulent. */
export const DISPUTED_CARD = '4000000000000259';

/**
 * A merchant of its own whose customer paid with the disputed card at `now`, as the hosted page does:
 * the dispute is announced, not opened yet. `openAt` is when the processor opens it.
 */
export async function disputedPayment(db: Db, now: Date) {
  const shop = await newShop(db);
  const sessionId = await newSession(db, shop, { now });
  const result = await confirmPayment(db, { sessionId, form: payForm(DISPUTED_CARD), clientKey: `dispute-${sessionId}`, now });
  if (result.state !== 'complete') throw new Error(`expected the payment to complete, got ${JSON.stringify(result)}`);
  const [dispute] = await db.select().from(disputes).where(eq(disputes.accountId, shop.accountId));
  return {
    shop,
    accountId: shop.accountId,
    disputeId: dispute.id,
    chargeId: dispute.chargeId,
    openAt: new Date(now.getTime() + TEST_FOLLOW_UP_MS),
  };
}

/** The dispute and its charge as stored. */
export async function disputeState(db: Db, p: { accountId: string; disputeId: string }) {
  const [dispute] = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.accountId, p.accountId), eq(disputes.id, p.disputeId)));
  const [charge] = await db.select().from(charges).where(eq(charges.id, dispute.chargeId));
  return { dispute, charge };
}

/** The account's dispute event types, oldest first. */
export async function disputeEventTypes(db: Db, accountId: string): Promise<string[]> {
  const rows = await db.select().from(events).where(eq(events.accountId, accountId)).orderBy(events.seq);
  return rows.map((e) => e.type).filter((t) => t.startsWith('charge.dispute.'));
}
