import { present } from '@/lib/util/present';
import type { Db, Tx } from '@/db/client';
import { findCoupon } from '@/db/queries/coupons';
import { lockSessionById } from '@/db/queries/public-session';
import { findPromotionCodeByCode } from '@/db/queries/promotion-codes';
import { findSessionLineItem, setOptionalItemIfOffered, updateLineItemFields } from '@/db/queries/checkout-line-items';
import { hitRateLimit } from '@/lib/security/rate-limit';
import { newId } from '@/lib/util/ids';
import { promotionCodeRefusal, type DiscountRefusal } from './discount-eligibility';
import { hasPriorPayments } from '@/db/queries/prior-payments';
import { paymentIntentForSession } from '@/db/queries/payment-intents';
import { AmountTooLargeError } from '@/lib/pricing/amount-limit';
import { reprice } from './reprice';
import { updateSessionFields, type SessionRow } from '@/db/queries/checkout-sessions';
import { notPayable } from './payment-state';
import { taxInputsOf, type TaxFormPart } from './collected-details';
import { sameTaxInputs } from './tax-inputs';

/** What the page can be told went wrong; each key has a localized message. */
export type CartError =
  | 'session_closed'
  | 'payment_in_progress'
  | 'not_found'
  | 'quantity_out_of_range'
  | 'amount_too_large'
  | 'code_unknown'
  | 'code_rate_limited'
  | 'codes_not_allowed'
  | DiscountRefusal;
export type CartResult = { ok: true } | { ok: false; error: CartError };

const fail = (error: CartError): CartResult => ({ ok: false, error });

/** Runs a cart change on the locked, open session and reprices it: the page's one way to change totals. */
async function onOpenSession(
  db: Db,
  sessionId: string,
  now: Date,
  change: (tx: Tx, session: SessionRow) => Promise<CartResult>,
): Promise<CartResult> {
  return refusingTooLarge(
    db.transaction(async (tx) => {
      const session = await lockSessionById(tx, sessionId);
      if (!session) return fail('not_found');
      if (notPayable(session, now)) return fail('session_closed');
      // The amount being charged (or authenticated) must stay the amount shown.
      const attempt = await paymentIntentForSession(tx, session.id);
      if (attempt && (attempt.status === 'processing' || attempt.status === 'requires_action')) return fail('payment_in_progress');
      const result = await change(tx, session);
      if (!result.ok) return result;
      const changed = await lockSessionById(tx, sessionId);
      if (!changed) return fail('not_found');
      await reprice(tx, changed);
      return result;
    }),
  );
}

/** A change that would cost more than the currency can be charged is refused; its transaction rolled back, the cart is as it was. */
async function refusingTooLarge(change: Promise<CartResult>): Promise<CartResult> {
  try {
    return await change;
  } catch (err) {
    if (err instanceof AmountTooLargeError) return fail('amount_too_large');
    throw err;
  }
}

/** A customer's quantity change, within the item's adjustable bounds; 0 removes it when the minimum allows. */
export function changeQuantity(db: Db, sessionId: string, lineId: string, quantity: number, now = new Date()): Promise<CartResult> {
  return onOpenSession(db, sessionId, now, async (tx, session) => {
    const line = await findSessionLineItem(tx, { sessionId: session.id, id: lineId });
    if (!line) return fail('not_found');
    const aq = line.adjustableQuantity;
    if (!aq?.enabled || !Number.isSafeInteger(quantity) || quantity < (aq.minimum ?? 0) || quantity > (aq.maximum ?? 99))
      return fail('quantity_out_of_range');
    // An optional item taken down to nothing goes back to being offered, at its quantity.
    const set = line.optional && quantity === 0 ? { selected: false } : { quantity, selected: true };
    await updateLineItemFields(tx, { accountId: session.accountId, id: line.id, set });
    return { ok: true };
  });
}

export function setOptionalItem(db: Db, sessionId: string, lineId: string, selected: boolean, now = new Date()): Promise<CartResult> {
  return onOpenSession(db, sessionId, now, async (tx, session) => {
    const matched = await setOptionalItemIfOffered(tx, { sessionId: session.id, id: lineId, selected });
    return matched ? { ok: true } : fail('not_found');
  });
}

export function selectShippingRate(db: Db, sessionId: string, rateId: string, now = new Date()): Promise<CartResult> {
  return onOpenSession(db, sessionId, now, async (tx, session) => {
    if (!session.shippingOptions.some((o) => o.shipping_rate === rateId)) return fail('not_found');
    await updateSessionFields(tx, { accountId: session.accountId, id: session.id, set: { shippingRateId: rateId } });
    return { ok: true };
  });
}

// Guessing codes is limited per session and per client, in every app process at once.
const CODE_TRIES = { perSession: 10, perClient: 30, windowSeconds: 600 };

export async function applyPromotionCode(
  db: Db,
  sessionId: string,
  rawCode: string,
  clientKey: string,
  now = new Date(),
): Promise<CartResult> {
  const code = rawCode.trim();
  if (!code || code.length > 100) return fail('code_unknown');
  // Counted before and apart from the change, so that a refused guess still counts.
  const [bySession, byClient] = await Promise.all([
    hitRateLimit(db, { key: `promo:session:${sessionId}`, limit: CODE_TRIES.perSession, windowSeconds: CODE_TRIES.windowSeconds, now }),
    hitRateLimit(db, { key: `promo:client:${clientKey}`, limit: CODE_TRIES.perClient, windowSeconds: CODE_TRIES.windowSeconds, now }),
  ]);
  if (!bySession || !byClient) return fail('code_rate_limited');
  return onOpenSession(db, sessionId, now, async (tx, session) => {
    if (!session.allowPromotionCodes) return fail('codes_not_allowed');
    const promo = await findPromotionCodeByCode(tx, { accountId: session.accountId, code });
    if (!promo) return fail('code_unknown');
    const coupon = await findCoupon(tx, { accountId: session.accountId, id: promo.couponId });
    if (!coupon) return fail('code_unknown');
    const refusal = promotionCodeRefusal(promo, coupon, {
      currency: present(session.currency, "the session's currency"),
      subtotal: session.amountSubtotal ?? 0,
      customerId: session.customerId,
      hasPriorPayments: await hasPriorPayments(tx, session.accountId, { customerId: session.customerId, email: session.customerEmail }),
      now,
    });
    if (refusal) return fail(refusal);
    await updateSessionFields(tx, {
      accountId: session.accountId,
      id: session.id,
      set: { discounts: [{ id: newId('di'), coupon: coupon.id, promotion_code: promo.id }] },
    });
    return { ok: true };
  });
}

export function removePromotionCode(db: Db, sessionId: string, now = new Date()): Promise<CartResult> {
  return onOpenSession(db, sessionId, now, async (tx, session) => {
    if (!session.discounts[0]?.promotion_code) return fail('not_found');
    await updateSessionFields(tx, { accountId: session.accountId, id: session.id, set: { discounts: [] } });
    return { ok: true };
  });
}

/**
 * Automatic tax and adaptive pricing: the address and tax ID the customer has typed so far (taxFormPart), so
 * the page shows the tax, the currency and the total for them before the customer pays. A session with neither
 * is left as it is.
 */
export function changeTaxInputs(db: Db, sessionId: string, typed: TaxFormPart, now = new Date()): Promise<CartResult> {
  return onOpenSession(db, sessionId, now, async (tx, session) => {
    if (!session.automaticTax.enabled && !session.adaptivePricing.enabled) return { ok: true };
    const inputs = taxInputsOf(session, typed);
    if (!sameTaxInputs(session.automaticTax.inputs, inputs))
      await updateSessionFields(tx, {
        accountId: session.accountId,
        id: session.id,
        set: { automaticTax: { ...session.automaticTax, inputs } },
      });
    return { ok: true };
  });
}
