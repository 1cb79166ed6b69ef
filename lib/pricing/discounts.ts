import { roundDiv } from '../money/decimal';
import { allocateLargestRemainder } from './allocate';
import { aggregateDiscounts } from './aggregate';
import type { ExactDiscount, ExactDiscountAmount } from './exact-types';

export type DiscountableLine = { productId: string; subtotal: bigint };
export type LineDiscounts = { amount: bigint; discounts: ExactDiscountAmount[] };

/**
 * Applies the discounts in order; each one sees only what earlier discounts
 * left on its eligible lines, so a line's discount can never exceed its
 * subtotal. Percent-off rounds per line; amount-off is capped at what is left
 * and spread over eligible lines by remaining amount (largest remainder) so the
 * line parts add up to exactly the coupon's amount. Shipping is never passed in.
 * A discount is listed on every line it is eligible for, even when its part is 0.
 */
export function applyDiscounts<L extends DiscountableLine>(
  lines: readonly L[],
  discounts: readonly ExactDiscount[],
): (L & { discount: LineDiscounts })[] {
  const states = lines.map((line) => ({ line, taken: 0n, entries: [] as ExactDiscountAmount[] }));

  for (const discount of discounts) {
    const eligible = states.filter(({ line }) => discount.appliesToProducts === null || discount.appliesToProducts.has(line.productId));
    const parts = discountParts(
      discount,
      eligible.map((s) => s.line.subtotal - s.taken),
    );
    eligible.forEach((state, i) => {
      const amount = parts[i] ?? 0n;
      state.taken += amount;
      state.entries.push({ amount, couponId: discount.couponId, promotionCodeId: discount.promotionCodeId });
    });
  }

  return states.map(({ line, taken, entries }) => ({
    ...line,
    discount: { amount: taken, discounts: aggregateDiscounts(entries) },
  }));
}

function discountParts(discount: ExactDiscount, remaining: readonly bigint[]): bigint[] {
  const { rule } = discount;
  if (rule.kind === 'percent') {
    // pct ≤ 100 keeps each rounded part ≤ the remaining amount it came from.
    return remaining.map((r) => roundDiv(r * rule.percent.num, rule.percent.den * 100n));
  }
  const available = remaining.reduce((sum, r) => sum + r, 0n);
  const applied = rule.amount < available ? rule.amount : available;
  return allocateLargestRemainder(applied, remaining);
}
