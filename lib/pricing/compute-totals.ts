import { roundDiv } from '../money/decimal';
import { assertWithinLimit } from './amount-limit';
import { applyDiscounts } from './discounts';
import type { ExactLineTotals, ExactShipping, ExactShippingTotals } from './exact-types';
import { parsePricingInput } from './parse-input';
import { computeTax } from './tax';
import { toPricingResult } from './to-pricing-result';
import type { PricingInput, PricingResult } from './types';

/**
 * Prices a checkout the way Stripe Checkout does: line subtotals, then
 * discounts in order (never on shipping), then taxes on each discounted line
 * and on shipping. Pure and deterministic; throws RangeError on invalid input,
 * and AmountTooLargeError when the subtotal or the total is above what the
 * currency can be charged (so no amount it returns is ever above that limit).
 */
export function computeTotals(input: PricingInput): PricingResult {
  const exact = parsePricingInput(input);

  const priced = exact.lines.map((line) => ({
    ...line,
    // Rounded once per line, not per unit: 3 × 0.5 is 2, not 3 × 1.
    subtotal: roundDiv(line.unitAmount.num * line.quantity, line.unitAmount.den),
  }));

  const lines = applyDiscounts(priced, exact.discounts).map((line): ExactLineTotals => {
    const tax = computeTax(line.subtotal - line.discount.amount, line.taxRates);
    return {
      key: line.key,
      subtotal: line.subtotal,
      discount: line.discount.amount,
      discounts: line.discount.discounts,
      tax: tax.inclusiveTax + tax.exclusiveTax,
      exclusiveTax: tax.exclusiveTax,
      taxes: tax.taxes,
    };
  });

  const shipping = exact.shipping === null ? null : shippingTotals(exact.shipping);
  assertWithinLimit(lines, shipping, exact.maximum);
  return toPricingResult(lines, shipping);
}

// Same tax rules as a line, but discounts never reach shipping.
function shippingTotals(shipping: ExactShipping): ExactShippingTotals {
  const tax = computeTax(shipping.amount, shipping.taxRates);
  return {
    subtotal: shipping.amount,
    tax: tax.inclusiveTax + tax.exclusiveTax,
    exclusiveTax: tax.exclusiveTax,
    taxes: tax.taxes,
  };
}
