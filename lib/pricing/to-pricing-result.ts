import { toMinorUnits } from '../money/minor-units';
import { aggregateDiscounts, aggregateTaxes } from './aggregate';
import type { ExactDiscountAmount, ExactLineTotals, ExactShippingTotals, ExactTax } from './exact-types';
import type { DiscountAmount, LineResult, PricingResult, TaxAmount } from './types';

/**
 * Builds the public result. Every session-level figure is a sum of the
 * per-line and shipping figures, so the totals and the lines cannot disagree.
 * This is also the single bigint → number conversion point.
 */
export function toPricingResult(lines: readonly ExactLineTotals[], shipping: ExactShippingTotals | null): PricingResult {
  const sum = (pick: (line: ExactLineTotals) => bigint): bigint => lines.reduce((acc, l) => acc + pick(l), 0n);

  const subtotal = sum((l) => l.subtotal);
  const discount = sum((l) => l.discount);
  const lineTotal = sum((l) => l.subtotal - l.discount + l.exclusiveTax);
  const shippingSubtotal = shipping?.subtotal ?? 0n;
  const shippingTotal = shippingSubtotal + (shipping?.exclusiveTax ?? 0n);

  return {
    lines: lines.map(toLineResult),
    amountSubtotal: toMinorUnits(subtotal, 'amountSubtotal'),
    amountDiscount: toMinorUnits(discount, 'amountDiscount'),
    amountShipping: toMinorUnits(shippingSubtotal, 'amountShipping'),
    amountTax: toMinorUnits(sum((l) => l.tax) + (shipping?.tax ?? 0n), 'amountTax'),
    amountTotal: toMinorUnits(lineTotal + shippingTotal, 'amountTotal'),
    shipping:
      shipping === null
        ? null
        : {
            amountSubtotal: toMinorUnits(shipping.subtotal, 'shipping.amountSubtotal'),
            amountTax: toMinorUnits(shipping.tax, 'shipping.amountTax'),
            amountTotal: toMinorUnits(shippingTotal, 'shipping.amountTotal'),
            taxes: shipping.taxes.map(toTaxAmount),
          },
    breakdown: {
      discounts: aggregateDiscounts(lines.flatMap((l) => l.discounts)).map(toDiscountAmount),
      taxes: aggregateTaxes([...lines.flatMap((l) => l.taxes), ...(shipping?.taxes ?? [])]).map(toTaxAmount),
    },
  };
}

function toLineResult(line: ExactLineTotals): LineResult {
  return {
    key: line.key,
    amountSubtotal: toMinorUnits(line.subtotal, `line ${line.key} amountSubtotal`),
    amountDiscount: toMinorUnits(line.discount, `line ${line.key} amountDiscount`),
    amountTax: toMinorUnits(line.tax, `line ${line.key} amountTax`),
    amountTotal: toMinorUnits(line.subtotal - line.discount + line.exclusiveTax, `line ${line.key} amountTotal`),
    discounts: line.discounts.map(toDiscountAmount),
    taxes: line.taxes.map(toTaxAmount),
  };
}

function toTaxAmount(tax: ExactTax): TaxAmount {
  return {
    amount: toMinorUnits(tax.amount, `tax ${tax.rateId}`),
    rateId: tax.rateId,
    inclusive: tax.inclusive,
    taxableAmount: toMinorUnits(tax.taxableAmount, `tax ${tax.rateId} taxableAmount`),
  };
}

function toDiscountAmount(discount: ExactDiscountAmount): DiscountAmount {
  return {
    amount: toMinorUnits(discount.amount, `discount ${discount.couponId}`),
    couponId: discount.couponId,
    promotionCodeId: discount.promotionCodeId,
  };
}
