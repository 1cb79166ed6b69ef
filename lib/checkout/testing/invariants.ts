import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { charges, checkoutSessions, coupons, events, paymentIntents, promotionCodes } from '@/db/schema';
import type { GatedProcessor } from './gated-processor';

/**
 * The properties that must hold after every step of any sequence (lib/checkout/payment-state.ts),
 * read from the database and held against the processor's ledger. Throws naming the first broken one.
 */
export async function assertCheckoutInvariants(
  db: Db,
  p: { accountId: string; processor: GatedProcessor; attemptSessions: Map<string, string>; attemptsInFlight: Set<string> },
): Promise<void> {
  const [sessions, intents, evts, promos, coups, chargeRows] = await Promise.all([
    db.select().from(checkoutSessions).where(eq(checkoutSessions.accountId, p.accountId)),
    db.select().from(paymentIntents).where(eq(paymentIntents.accountId, p.accountId)),
    db.select({ type: events.type, data: events.data }).from(events).where(eq(events.accountId, p.accountId)),
    db.select().from(promotionCodes).where(eq(promotionCodes.accountId, p.accountId)),
    db.select().from(coupons).where(eq(coupons.accountId, p.accountId)),
    db.select().from(charges).where(eq(charges.accountId, p.accountId)),
  ]);
  const fail = (message: string): never => {
    throw new Error(`invariant broken: ${message}`);
  };
  const eventsFor = (type: string, id: string) => evts.filter((e) => e.type === type && e.data.object.id === id).length;
  const intentOf = new Map(intents.map((i) => [i.checkoutSessionId, i]));

  // Money: what the processor kept belongs to exactly one complete, paid session, for its total.
  const kept = p.processor.kept();
  for (const k of kept)
    if (!p.attemptSessions.has(k.attemptId)) fail(`the processor kept ${k.amount} for attempt ${k.attemptId}, which belongs to no session`);
  for (const s of sessions) {
    const keptHere = kept.filter((k) => p.attemptSessions.get(k.attemptId) === s.id);
    const intent = intentOf.get(s.id);
    if (keptHere.length > 1) fail(`session ${s.id} was charged ${keptHere.length} times`);
    if (s.status === 'complete' && s.paymentStatus === 'paid') {
      if (keptHere.length !== 1) fail(`session ${s.id} is complete and paid without a charge kept by the processor`);
      if (keptHere[0].amount !== s.amountTotal) fail(`session ${s.id} totals ${s.amountTotal} but ${keptHere[0].amount} was charged`);
      if (intent?.status !== 'succeeded' || intent.amountReceived !== s.amountTotal || s.paymentIntentId !== intent.id)
        fail(`session ${s.id} is paid but its intent is ${intent?.status} with ${intent?.amountReceived} received`);
    } else if (keptHere.length) fail(`session ${s.id} is ${s.status}/${s.paymentStatus} but the processor kept ${keptHere[0].amount}`);
    // Events match state changes one to one.
    if (eventsFor('checkout.session.completed', s.id) !== (s.status === 'complete' ? 1 : 0))
      fail(`session ${s.id} (${s.status}) has ${eventsFor('checkout.session.completed', s.id)} completed events`);
    if (eventsFor('checkout.session.expired', s.id) !== (s.status === 'expired' ? 1 : 0))
      fail(`session ${s.id} (${s.status}) has ${eventsFor('checkout.session.expired', s.id)} expired events`);
    if (intent && s.status !== 'open' && (intent.status === 'processing' || intent.status === 'requires_action'))
      fail(`session ${s.id} is ${s.status} but its intent is left ${intent.status}`);
  }
  // Charges: one per succeeded intent, for what it received, with its one event; none for any other intent.
  for (const i of intents) {
    const own = chargeRows.filter((c) => c.paymentIntentId === i.id);
    if (own.length !== (i.status === 'succeeded' ? 1 : 0)) fail(`intent ${i.id} (${i.status}) has ${own.length} charges`);
    const charge = own.at(0);
    if (!charge) continue;
    if (i.latestChargeId !== charge.id) fail(`intent ${i.id} points to charge ${i.latestChargeId}, not ${charge.id}`);
    if (!charge.captured || charge.amountCaptured !== i.amountReceived || charge.amount !== i.amount)
      fail(`charge ${charge.id} captured ${charge.amountCaptured} of ${charge.amount}; its intent received ${i.amountReceived}`);
    if (eventsFor('charge.succeeded', charge.id) !== 1)
      fail(`charge ${charge.id} has ${eventsFor('charge.succeeded', charge.id)} succeeded events`);
  }
  for (const i of intents) {
    if (eventsFor('payment_intent.succeeded', i.id) !== (i.status === 'succeeded' ? 1 : 0))
      fail(`intent ${i.id} (${i.status}) has ${eventsFor('payment_intent.succeeded', i.id)} succeeded events`);
    if (eventsFor('payment_intent.canceled', i.id) !== (i.status === 'canceled' ? 1 : 0))
      fail(`intent ${i.id} (${i.status}) has ${eventsFor('payment_intent.canceled', i.id)} canceled events`);
    // A reservation lives exactly as long as its attempt: a settled intent holds none.
    if (i.reservedDiscount && i.status !== 'processing' && i.status !== 'requires_action')
      fail(`intent ${i.id} is ${i.status} but still holds a redemption`);
    // No attempt in flight that nobody is running: processing means the call is still out there.
    if (i.status === 'processing' && !p.attemptsInFlight.has(i.attemptId ?? ''))
      fail(`intent ${i.id} is processing attempt ${i.attemptId}, which no call is running`);
  }

  // Redemptions: never past the maximum, and exactly the completed sessions plus the attempts holding one.
  const completedWith = (pick: (d: { coupon: string; promotion_code: string | null }) => string | null, id: string) =>
    sessions.filter((s) => s.status === 'complete' && s.discounts.some((d) => pick(d) === id)).length +
    intents.filter((i) => i.reservedDiscount && pick(i.reservedDiscount) === id).length;
  for (const promo of promos) {
    if (promo.maxRedemptions !== null && promo.timesRedeemed > promo.maxRedemptions)
      fail(`promotion code ${promo.code} redeemed ${promo.timesRedeemed} times, max ${promo.maxRedemptions}`);
    const expected = completedWith((d) => d.promotion_code, promo.id);
    if (promo.timesRedeemed !== expected)
      fail(`promotion code ${promo.code} counts ${promo.timesRedeemed} redemptions, sessions and attempts hold ${expected}`);
  }
  for (const coupon of coups) {
    if (coupon.maxRedemptions !== null && coupon.timesRedeemed > coupon.maxRedemptions)
      fail(`coupon ${coupon.id} redeemed past its maximum`);
    const expected = completedWith((d) => d.coupon, coupon.id);
    if (coupon.timesRedeemed !== expected)
      fail(`coupon ${coupon.id} counts ${coupon.timesRedeemed} redemptions, sessions and attempts hold ${expected}`);
  }
}
