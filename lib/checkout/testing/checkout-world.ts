import { parseParams } from '@/lib/api/parse-params';
import type { Db } from '@/db/client';
import { createAccount } from '@/lib/accounts/create-account';
import { createCoupon } from '@/lib/catalog/coupons';
import { createPrice } from '@/lib/catalog/prices';
import { createProduct } from '@/lib/catalog/products';
import { createPromotionCode } from '@/lib/catalog/promotion-codes';
import { createSessionRow } from '@/lib/checkout/create-session';
import { createCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';
import { createCouponSchema } from '@/lib/validation/coupons';
import { createPriceSchema } from '@/lib/validation/prices';
import { createProductSchema } from '@/lib/validation/products';
import { createPromotionCodeSchema } from '@/lib/validation/promotion-codes';

/**
 * Factories for lib/checkout's tests: a merchant with a product, a price and promotion codes, and
 * its sessions, all made through the same lib functions and schemas as the API, at an injected time.
 */

export const CARDS = {
  ok: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  challenge: '4000002760003184',
  challengeThenDeclined: '4000008260003178',
  /** Paid; each of its refunds succeeds, then fails 3 s later (expired_or_canceled_card). */
  refundFails: '4000000000005126',
  /** Paid, then disputed as fraudulent 3 s later. */
  disputed: '4000000000000259',
} as const;
export type CardName = keyof typeof CARDS;

/** What the pay form posts, as the page's server action hands it to confirmPayment; `card` is a CardName or a card number. */
export function payForm(card: string, email = 'jenny@example.com') {
  const number = card in CARDS ? CARDS[card as CardName] : card;
  return { email, card: { number, expiry: '12 / 40', cvc: '123', name: 'Jenny Rosen' }, billing: { country: 'FR', postal_code: '75001' } };
}

export type Shop = {
  accountId: string;
  priceId: string;
  /** A 20 %-off code anyone may redeem once in all. */
  singleUse: { code: string; id: string; couponId: string };
  /** A 10 %-off code for two redemptions. */
  twoUses: { code: string; id: string; couponId: string };
};

async function code(db: Db, accountId: string, p: { percent: string; max: number; code: string }) {
  const coupon = await createCoupon(db, { accountId }, parseParams(createCouponSchema, { percent_off: p.percent, duration: 'once' }));
  const promo = await createPromotionCode(
    db,
    { accountId },
    parseParams(createPromotionCodeSchema, { coupon: coupon.id, code: p.code, max_redemptions: String(p.max) }),
  );
  return { code: p.code, id: promo.id, couponId: coupon.id };
}

/** A merchant of its own (named as given): one product at €25.00 a unit, adjustable from 1 to 10, and two promotion codes. */
export async function newShop(db: Db, names: { merchant?: string; product?: string } = {}): Promise<Shop> {
  const account = await createAccount(db, { name: names.merchant ?? 'Model Shop' });
  const scope = { accountId: account.id };
  const product = await createProduct(db, scope, parseParams(createProductSchema, { name: names.product ?? 'Ticket' }));
  const price = await createPrice(db, scope, parseParams(createPriceSchema, { product: product.id, unit_amount: '2500', currency: 'eur' }));
  return {
    accountId: account.id,
    priceId: price.id,
    singleUse: await code(db, account.id, { percent: '20', max: 1, code: `ONCE${account.id.slice(-6)}` }),
    twoUses: await code(db, account.id, { percent: '10', max: 2, code: `TWICE${account.id.slice(-6)}` }),
  };
}

/** An open hosted session for one unit, created at `now`, expiring `expiresInSeconds` later (30 min to 24 h). */
export async function newSession(db: Db, shop: Shop, p: { now: Date; expiresInSeconds?: number }): Promise<string> {
  const params = parseParams(createCheckoutSessionSchema, {
    mode: 'payment',
    line_items: [{ price: shop.priceId, quantity: '1', adjustable_quantity: { enabled: 'true', minimum: '1', maximum: '10' } }],
    allow_promotion_codes: 'true',
    success_url: 'https://shop.example/ok?session={CHECKOUT_SESSION_ID}',
    expires_at: String(Math.floor(p.now.getTime() / 1000) + (p.expiresInSeconds ?? 3600)),
  });
  return (await createSessionRow(db, { accountId: shop.accountId }, params, p.now)).id;
}
