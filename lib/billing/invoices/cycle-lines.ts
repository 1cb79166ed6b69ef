import type { PriceRow, ProductRef, TaxRateRow } from '@/db/queries/checkout-refs';
import type { CouponRow } from '@/db/queries/coupons';
import type { SubscriptionRow } from '@/db/queries/subscriptions';
import { buildPricingInput } from '@/lib/checkout/pricing-input';
import { computeTotals } from '@/lib/pricing/compute-totals';
import { present } from '@/lib/util/present';
import { unix } from '@/lib/util/time';
import { ratesFor, type AutomaticRates, type DraftLine } from './draft-lines';
import { reasonOf } from './invoice-totals';

export type CycleItem = { id: string; priceId: string; quantity: number; taxRateIds: string[] };

/**
 * The lines a subscription's renewal bills for the period [start, end): one per item, unit amount ×
 * quantity in the subscription's currency, its discount applied while it runs (the coupon's rules, through
 * the pricing engine, as at checkout), taxed by the item's rates or else the subscription's defaults.
 */
export function cycleLines(p: {
  sub: SubscriptionRow;
  items: readonly CycleItem[];
  prices: ReadonlyMap<string, PriceRow>;
  products: ReadonlyMap<string, ProductRef>;
  rates: ReadonlyMap<string, TaxRateRow>;
  /** The subscription's coupon (`sub.discount.coupon`), when it has a discount. */
  coupon: CouponRow | null;
  period: { start: Date; end: Date };
  automatic?: AutomaticRates | null;
}): DraftLine[] {
  const { sub, period } = p;
  const d = sub.discount;
  const coupon = p.coupon;
  const discount =
    d && coupon && (d.end === null || unix(period.start) < d.end) ? { id: d.id, coupon, promotionCodeId: d.promotion_code } : null;
  const priced = p.items.map((item) => ({
    key: item.id,
    price: present(p.prices.get(item.priceId), `price ${item.priceId}`),
    quantity: item.quantity,
    taxRates: ratesFor(item, { defaultTaxRateIds: sub.defaultTaxRateIds, rates: p.rates, automatic: p.automatic }),
  }));
  const result = computeTotals(
    buildPricingInput({
      currency: sub.currency,
      lines: priced,
      discount,
      shipping: null,
    }),
  );
  return priced.map((line, i) => {
    const r = present(result.lines[i], `the totals of ${line.key}`);
    return {
      description: `${line.quantity} × ${p.products.get(line.price.productId)?.name ?? line.price.productId}`,
      amount: r.amountSubtotal,
      currency: sub.currency,
      quantity: line.quantity,
      priceId: line.price.id,
      productId: line.price.productId,
      subscriptionId: sub.id,
      subscriptionItemId: line.key,
      invoiceItemId: null,
      proration: false,
      periodStart: period.start,
      periodEnd: period.end,
      discountAmounts: discount ? r.discounts.map((x) => ({ discount: discount.id, amount: x.amount })) : [],
      taxes: r.taxes.map((t) => ({
        tax_rate: t.rateId,
        amount: t.amount,
        taxable_amount: t.taxableAmount,
        inclusive: t.inclusive,
        ...reasonOf(line.taxRates, t.rateId),
      })),
    };
  });
}
