import type { PriceRow, ShippingRateRow, TaxRateRow } from '@/db/queries/checkout-refs';
import type { CouponRow } from '@/db/queries/coupons';
import type { PricingInput } from '@/lib/pricing/types';
import type { ShippingShare } from './automatic-tax';
import { couponAmountIn } from './discount-eligibility';
import { shareOfAmount, type FirstPeriodShare } from './first-period';

export type PricedLine = { key: string; price: PriceRow; quantity: number; taxRates: TaxRateRow[] };

/** A price's unit amount in the session currency (its own, or from currency_options). */
export function unitAmountIn(price: PriceRow, currency: string): { unitAmount: number | null; unitAmountDecimal: string | null } | null {
  if (price.currency === currency) return { unitAmount: price.unitAmount, unitAmountDecimal: price.unitAmountDecimal };
  const option = price.currencyOptions?.[currency];
  return option ? { unitAmount: option.unit_amount, unitAmountDecimal: option.unit_amount_decimal } : null;
}

export function shippingAmountIn(rate: ShippingRateRow, currency: string): number | null {
  if (rate.currency === currency) return rate.amount;
  return rate.currencyOptions?.[currency]?.amount ?? null;
}

const rateInput = (t: TaxRateRow) => ({ id: t.id, percentage: t.percentage, inclusive: t.inclusive });

/**
 * The pricing engine's input for a session: the one place that maps stored
 * rows to amounts, used when a session is created, updated or changed on the page.
 */
export function buildPricingInput(p: {
  currency: string;
  lines: PricedLine[];
  discount: { id: string; coupon: CouponRow; promotionCodeId: string | null } | null;
  shipping: ShippingRateRow | null;
  /** Automatic tax's rates on shipping (a shipping rate carries none of its own). */
  shippingTaxRates?: TaxRateRow[];
  /** Or automatic tax's split of shipping among the goods' rates (goods of several rates). */
  shippingShares?: ShippingShare[];
  /** A subscription's first period charged in part (firstPeriodShare): nothing in a trial, a prorated part up to an anchor. */
  firstPeriod?: FirstPeriodShare | null;
}): PricingInput {
  return {
    currency: p.currency,
    lines: p.lines.map((l) => {
      const amount = unitAmountIn(l.price, p.currency);
      if (!amount) throw new Error(`Price ${l.price.id} has no amount in ${p.currency}`);
      const share = l.price.type === 'recurring' ? p.firstPeriod : null;
      return {
        key: l.key,
        productId: l.price.productId,
        ...(!share
          ? amount
          : share.seconds === 0
            ? { unitAmount: 0, unitAmountDecimal: null }
            : { unitAmount: null, unitAmountDecimal: shareOfAmount(amount, share) }),
        quantity: l.quantity,
        taxRates: l.taxRates.map(rateInput),
      };
    }),
    discounts: p.discount
      ? [
          {
            couponId: p.discount.coupon.id,
            promotionCodeId: p.discount.promotionCodeId,
            percentOff: p.discount.coupon.percentOff,
            amountOff: p.discount.coupon.percentOff === null ? couponAmountIn(p.discount.coupon, p.currency) : null,
            appliesToProducts: p.discount.coupon.appliesToProducts,
          },
        ]
      : [],
    shipping: p.shipping
      ? {
          shippingRateId: p.shipping.id,
          amount: shippingAmountIn(p.shipping, p.currency) ?? 0,
          taxBehavior: p.shipping.taxBehavior,
          taxRates: (p.shippingTaxRates ?? []).map(rateInput),
          shares: (p.shippingShares ?? []).map((share) => ({ weightedBy: share.weightedBy, taxRates: share.rates.map(rateInput) })),
        }
      : null,
  };
}
