import { roundDiv } from '../money/decimal';
import { allocateLargestRemainder } from './allocate';
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

  const shipping = exact.shipping === null ? null : shippingTotals(exact.shipping, lines);
  assertWithinLimit(lines, shipping, exact.maximum);
  return toPricingResult(lines, shipping);
}

// Same tax rules as a line, but discounts never reach shipping. Split into shares, each share is taxed as a line of
// its own would be, and the shares' taxes are listed in the order of the shares.
function shippingTotals(shipping: ExactShipping, lines: readonly ExactLineTotals[]): ExactShippingTotals {
  const parts = shipping.shares.length
    ? splitShipping(shipping, lines).map((amount, i) => computeTax(amount, shipping.shares[i].taxRates))
    : [computeTax(shipping.amount, shipping.taxRates)];
  const inclusiveTax = parts.reduce((sum, t) => sum + t.inclusiveTax, 0n);
  const exclusiveTax = parts.reduce((sum, t) => sum + t.exclusiveTax, 0n);
  return { subtotal: shipping.amount, tax: inclusiveTax + exclusiveTax, exclusiveTax, taxes: parts.flatMap((t) => t.taxes) };
}

/**
 * The shipping amount in shares proportional to the lines each share names, after discounts (largest remainder, so
 * they sum to the amount exactly). A line not bought (an optional item left out) weighs nothing; when nothing weighs
 * anything (every line free), the shares are equal.
 */
function splitShipping(shipping: ExactShipping, lines: readonly ExactLineTotals[]): bigint[] {
  const net = new Map(lines.map((l) => [l.key, l.subtotal - l.discount]));
  const weights = shipping.shares.map((share) => share.weightedBy.reduce((sum, key) => sum + (net.get(key) ?? 0n), 0n));
  const anyWeight = weights.some((w) => w > 0n);
  return allocateLargestRemainder(
    shipping.amount,
    weights.map((w) => (anyWeight ? w : 1n)),
  );
}
