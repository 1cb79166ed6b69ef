import type { StoredTotalDetails } from '@/db/schema/checkout-json';
import type { PricingResult } from '@/lib/pricing/types';

/** What a pricing result writes on a session row and on each of its line rows. */
export function pricingColumns(result: PricingResult, discountIdByCoupon: Map<string, string>, shippingRateId: string | null) {
  const discountId = (couponId: string) => discountIdByCoupon.get(couponId) ?? couponId;
  const totalDetails: StoredTotalDetails = {
    amount_discount: result.amountDiscount,
    amount_shipping: result.amountShipping,
    amount_tax: result.amountTax,
    breakdown: {
      discounts: result.breakdown.discounts.map((d) => ({ amount: d.amount, discount: discountId(d.couponId) })),
      taxes: result.breakdown.taxes.map((t) => ({ amount: t.amount, rate: t.rateId, taxable_amount: t.taxableAmount })),
    },
  };
  const session = {
    amountSubtotal: result.amountSubtotal,
    amountTotal: result.amountTotal,
    totalDetails,
    shippingCost:
      result.shipping && shippingRateId
        ? {
            amount_subtotal: result.shipping.amountSubtotal,
            amount_tax: result.shipping.amountTax,
            amount_total: result.shipping.amountTotal,
            shipping_rate: shippingRateId,
            taxes: result.shipping.taxes.map((t) => ({ amount: t.amount, rate: t.rateId, taxable_amount: t.taxableAmount })),
          }
        : null,
  };
  const lines = new Map(
    result.lines.map((l) => [
      l.key,
      {
        amountSubtotal: l.amountSubtotal,
        amountDiscount: l.amountDiscount,
        amountTax: l.amountTax,
        amountTotal: l.amountTotal,
        discounts: l.discounts.map((d) => ({ amount: d.amount, discount: discountId(d.couponId) })),
        taxes: l.taxes.map((t) => ({ amount: t.amount, rate: t.rateId, taxable_amount: t.taxableAmount })),
      },
    ]),
  );
  return { session, lines };
}

export const zeroLineAmounts = { amountSubtotal: 0, amountDiscount: 0, amountTax: 0, amountTotal: 0, discounts: [], taxes: [] };
