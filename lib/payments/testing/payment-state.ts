import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { ChargeRow } from '@/db/queries/charges';
import { charges, checkoutSessions, emails, events, paymentIntents, refunds } from '@/db/schema';
import { present } from '@/lib/util/present';

/** A paid charge's session, intent and charge, their refunds, the session's emails and the account's events, as stored now. */
export async function paymentState(db: Db, paid: Pick<ChargeRow, 'id' | 'paymentIntentId'>) {
  const [charge] = await db.select().from(charges).where(eq(charges.id, paid.id));
  const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, paid.paymentIntentId));
  const sessionId = present(intent.checkoutSessionId, "the intent's session");
  const [session] = await db.select().from(checkoutSessions).where(eq(checkoutSessions.id, sessionId));
  const refundRows = await db.select().from(refunds).where(eq(refunds.chargeId, charge.id));
  const receipts = await db.select().from(emails).where(eq(emails.checkoutSessionId, sessionId));
  const all = await db.select().from(events).where(eq(events.accountId, session.accountId));
  const count = (type: string) => all.filter((e) => e.type === type).length;
  return { session, intent, charge, refunds: refundRows, receipts, events: all, count };
}
