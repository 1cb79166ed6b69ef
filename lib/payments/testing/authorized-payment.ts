import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { charges, checkoutSessions, emails, events, paymentIntents, refunds } from '@/db/schema';
import { parseParams } from '@/lib/api/parse-params';
import { newShop, payForm, type Shop } from '@/lib/checkout/testing/checkout-world';
import { confirmPayment } from '@/lib/checkout/confirm-payment';
import { createSessionRow } from '@/lib/checkout/create-session';
import { present } from '@/lib/util/present';
import { createCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';

/**
 * Factories for the capture, cancel and expiry tests: a manual-capture session paid by card at an
 * injected time, through the same lib functions as the API and the hosted page.
 */

/** One unit at €25.00, paid with 4242… and only authorized (capture_method=manual); the receipt goes to `receiptEmail`. */
export async function authorizedPayment(db: Db, p: { now: Date; shop?: Shop; receiptEmail?: string }) {
  const shop = p.shop ?? (await newShop(db));
  const params = parseParams(createCheckoutSessionSchema, {
    mode: 'payment',
    line_items: [{ price: shop.priceId, quantity: '1' }],
    success_url: 'https://shop.example/ok',
    payment_intent_data: { capture_method: 'manual', ...(p.receiptEmail ? { receipt_email: p.receiptEmail } : {}) },
  });
  const sessionId = (await createSessionRow(db, { accountId: shop.accountId }, params, p.now)).id;
  const result = await confirmPayment(db, { sessionId, form: payForm('ok'), clientKey: `k-${sessionId}`, now: p.now });
  if (result.state !== 'complete') throw new Error(`expected the authorization to complete the session, got ${JSON.stringify(result)}`);
  const state = await paymentState(db, sessionId);
  return { shop, sessionId, intentId: state.intent.id, chargeId: state.charge.id, scope: { accountId: shop.accountId } };
}

/** The session, its intent and charge, their refunds, emails and events, as stored now. */
export async function paymentState(db: Db, sessionId: string) {
  const [session] = await db.select().from(checkoutSessions).where(eq(checkoutSessions.id, sessionId));
  const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.checkoutSessionId, sessionId));
  const [charge] = await db
    .select()
    .from(charges)
    .where(eq(charges.id, present(intent.latestChargeId, 'the latest charge')));
  const refundRows = await db.select().from(refunds).where(eq(refunds.chargeId, charge.id));
  const receipts = await db.select().from(emails).where(eq(emails.checkoutSessionId, sessionId));
  const all = await db.select().from(events).where(eq(events.accountId, session.accountId));
  const count = (type: string) => all.filter((e) => e.type === type).length;
  return { session, intent, charge, refunds: refundRows, receipts, events: all, count };
}
