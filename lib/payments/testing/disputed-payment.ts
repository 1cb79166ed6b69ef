import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { findDisputeForCharge } from '@/db/queries/disputes';
import { charges, disputes } from '@/db/schema';
import { newShop } from '@/lib/checkout/testing/checkout-world';
import { TEST_FOLLOW_UP_MS } from '@/lib/payments/test-processor';
import { present } from '@/lib/util/present';
import { eventsOf, paidCharge } from './paid-charge';

/**
 * A merchant of its own whose customer paid with the disputed card at `now` (paidCharge; only authorized
 * with `capture: 'manual'`): the dispute is announced, not opened yet. `openAt` is when the processor opens it.
 */
export async function disputedPayment(db: Db, now: Date, p: { capture?: 'manual' } = {}) {
  const shop = await newShop(db);
  const { charge } = await paidCharge(db, shop, { now, with: { card: 'disputed', capture: p.capture } });
  const dispute = present(await findDisputeForCharge(db, { accountId: shop.accountId, chargeId: charge.id }), 'the announced dispute');
  return {
    shop,
    accountId: shop.accountId,
    disputeId: dispute.id,
    chargeId: charge.id,
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
  return (await eventsOf(db, accountId)).map((e) => e.type).filter((t) => t.startsWith('charge.dispute.'));
}
