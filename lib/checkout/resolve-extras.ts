import type { Tx } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import { shippingRatesByIds, type ShippingRateRow } from '@/db/queries/checkout-refs';
import { findCoupon, type CouponRow } from '@/db/queries/coupons';
import { findPromotionCode } from '@/db/queries/promotion-codes';
import { invalidRequest } from '@/lib/api/errors';
import { insertShippingRate } from '@/lib/catalog/shipping-rates';
import { newId } from '@/lib/util/ids';
import type { CreateCheckoutSessionParams } from '@/lib/validation/checkout-sessions';
import { couponRefusal, promotionCodeRefusal, refusalMessages } from './discount-eligibility';
import { shippingAmountIn } from './pricing-input';

export type AppliedDiscount = { id: string; coupon: CouponRow; promotionCodeId: string | null };

/** The one discount a session was created with, checked as Stripe does at creation. */
export async function resolveDiscount(
  tx: Tx,
  accountId: string,
  given: CreateCheckoutSessionParams['discounts'],
  ctx: { currency: string; subtotal: number; customerId: string | null; now: Date },
): Promise<AppliedDiscount | null> {
  const d = given?.[0];
  if (!d) return null;
  if (d.coupon) {
    const coupon = await findCoupon(tx, { accountId, id: d.coupon });
    if (!coupon) throw invalidRequest(`No such coupon: '${d.coupon}'`, 'discounts[0][coupon]', 'resource_missing');
    const refusal = couponRefusal(coupon, ctx.currency, ctx.now);
    if (refusal) throw invalidRequest(refusalMessages[refusal], 'discounts[0][coupon]', 'coupon_expired');
    return { id: newId('di'), coupon, promotionCodeId: null };
  }
  // checkCreateRules already refused a discount with neither.
  if (!d.promotion_code)
    throw invalidRequest('Exactly one of coupon or promotion_code is required in discounts[0].', 'discounts[0][coupon]');
  const promo = await findPromotionCode(tx, { accountId, id: d.promotion_code });
  if (!promo) throw invalidRequest(`No such promotion code: '${d.promotion_code}'`, 'discounts[0][promotion_code]', 'resource_missing');
  const coupon = await findCoupon(tx, { accountId, id: promo.couponId });
  if (!coupon) throw invalidRequest(`The coupon of promotion code '${promo.id}' no longer exists.`, 'discounts[0][promotion_code]');
  const refusal = promotionCodeRefusal(promo, coupon, { ...ctx, hasPriorPayments: null });
  if (refusal) throw invalidRequest(refusalMessages[refusal], 'discounts[0][promotion_code]');
  return { id: newId('di'), coupon, promotionCodeId: promo.id };
}

/** shipping_options as stored: existing rates checked, inline ones created; the first is selected. */
export async function resolveShippingOptions(
  tx: Tx,
  accountId: string,
  given: CreateCheckoutSessionParams['shipping_options'],
  currency: string | null,
): Promise<{ rate: ShippingRateRow; amount: number }[]> {
  if (!given?.length) return [];
  const found = await shippingRatesByIds(
    tx,
    accountId,
    given.flatMap((o) => (o.shipping_rate ? [o.shipping_rate] : [])),
  );
  const out: { rate: ShippingRateRow; amount: number }[] = [];
  for (const [i, option] of given.entries()) {
    const at = `shipping_options[${i}]`;
    let rate: ShippingRateRow;
    if (option.shipping_rate) {
      const row = found.get(option.shipping_rate);
      if (!row) throw invalidRequest(`No such shipping rate: '${option.shipping_rate}'`, `${at}[shipping_rate]`, 'resource_missing');
      if (!row.active) throw invalidRequest(`The shipping rate ${row.id} is inactive.`, `${at}[shipping_rate]`);
      rate = row;
    } else if (option.shipping_rate_data) {
      rate = await insertShippingRate(tx, accountId, option.shipping_rate_data, { inline: true, param: `${at}[shipping_rate_data]` });
    } else {
      // A session's update has no checkCreateRules to refuse an option with neither first.
      throw invalidRequest(`Exactly one of shipping_rate or shipping_rate_data is required in ${at}.`, `${at}[shipping_rate]`);
    }
    const amount = currency ? shippingAmountIn(rate, currency) : null;
    if (amount === null)
      throw invalidRequest(
        `The shipping rate ${rate.id} has no amount in ${currency}: shipping rates must use the session's currency.`,
        `${at}[shipping_rate]`,
      );
    out.push({ rate, amount });
  }
  return out;
}

export async function resolveCustomer(tx: Tx, accountId: string, id: string | undefined) {
  if (!id) return null;
  const customer = await findCustomer(tx, { accountId, id });
  if (!customer) throw invalidRequest(`No such customer: '${id}'`, 'customer', 'resource_missing');
  return customer;
}
