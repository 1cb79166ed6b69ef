import type { Queryable } from '@/db/client';
import type { PriceRow, ProductRef } from '@/db/queries/checkout-refs';
import { findCoupon } from '@/db/queries/coupons';
import type { SubscriptionRow } from '@/db/queries/subscriptions';
import { invalidRequest } from '@/lib/api/errors';
import { unitAmountIn } from '@/lib/checkout/pricing-input';
import { parseDecimal, type Decimal } from '@/lib/money/decimal';
import { present } from '@/lib/util/present';
import { unix } from '@/lib/util/time';
import { billingNow } from '../clock';
import { periodBoundary, type Recurrence } from '../periods';
import type { ItemSide, ProrationWindow } from '../proration';

/** What a proration line is about: the item, the price and rates it bills, the discount inside its amount. */
export type ProrationRef = { itemId: string; priceId: string; productId: string; taxRateIds: string[]; discountId: string | null };

/**
 * The current period and the moment to prorate at: `proration_date` when given (it must be within the
 * period, as Stripe requires), else the subscription's now, kept within the period. The short first period
 * of a subscription anchored at checkout (it starts before its billing_cycle_anchor) was charged as a share
 * of the full period ending at the anchor: it prorates against that full period too.
 */
export async function prorationWindow(
  db: Queryable,
  sub: SubscriptionRow,
  p: { prorationDate?: number; now: Date; recurrence: Recurrence | null },
): Promise<{ now: Date; at: number; window: ProrationWindow }> {
  const now = await billingNow(db, sub, p.now);
  const start = unix(sub.currentPeriodStart);
  const end = Math.max(unix(sub.currentPeriodEnd), start + 1);
  if (p.prorationDate !== undefined && (p.prorationDate < start || p.prorationDate > end))
    throw invalidRequest(`proration_date must be within the subscription's current period (from ${start} to ${end}).`, 'proration_date');
  const at = p.prorationDate ?? Math.min(end, Math.max(start, unix(now)));
  const beforeAnchor = p.recurrence !== null && sub.currentPeriodStart < sub.billingCycleAnchor;
  const base = beforeAnchor && p.recurrence ? Math.min(start, unix(periodBoundary(sub.billingCycleAnchor, p.recurrence, -1))) : start;
  return { now, at, window: { start: base, end, at } };
}

export type DiscountInForce = { id: string; percentOff: Decimal; products: string[] | null };

/**
 * The subscription's percent-off discount still running at `at`, whose share classic billing mode puts inside
 * proration amounts. An amount-off coupon discounts invoices, not prorations: none is returned for it.
 */
export async function discountInForce(db: Queryable, sub: SubscriptionRow, at: number): Promise<DiscountInForce | null> {
  const d = sub.discount;
  if (!d || d.start > at || (d.end !== null && d.end <= at)) return null;
  const coupon = await findCoupon(db, { accountId: sub.accountId, id: d.coupon, includeDeleted: true });
  if (!coupon?.percentOff) return null;
  return { id: d.id, percentOff: parseDecimal(coupon.percentOff), products: coupon.appliesToProducts };
}

/** An item's side of a change: what its price costs in the subscription's currency, and the discount it gets. */
export function billedBy(p: {
  id: string;
  priceId: string;
  quantity: number;
  taxRateIds: string[];
  currency: string;
  prices: Map<string, PriceRow>;
  products: Map<string, ProductRef>;
  discount: DiscountInForce | null;
}): ItemSide<ProrationRef> {
  const price = present(p.prices.get(p.priceId), `price ${p.priceId}`);
  const amount = present(unitAmountIn(price, p.currency), `${price.id}'s amount in ${p.currency}`);
  const unitAmount =
    amount.unitAmount !== null
      ? { num: BigInt(amount.unitAmount), den: 1n }
      : parseDecimal(present(amount.unitAmountDecimal, 'unit_amount_decimal'));
  const discount = p.discount && (p.discount.products === null || p.discount.products.includes(price.productId)) ? p.discount : null;
  return {
    unitAmount,
    quantity: p.quantity,
    percentOff: discount?.percentOff ?? null,
    product: p.products.get(price.productId)?.name ?? price.productId,
    ref: { itemId: p.id, priceId: price.id, productId: price.productId, taxRateIds: p.taxRateIds, discountId: discount?.id ?? null },
  };
}
