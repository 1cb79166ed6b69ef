import { roundDiv, type Decimal } from '../money/decimal';
import { allocateLargestRemainder } from './allocate';
import type { ExactTax, ExactTaxRate } from './exact-types';

export type TaxComputation = {
  net: bigint; // amount with every tax removed
  inclusiveTax: bigint;
  exclusiveTax: bigint;
  taxes: ExactTax[]; // one per rate, in the order the rates were given
};

/**
 * Taxes on an already-discounted amount. Inclusive rates are inside `amount`:
 * their combined tax is amount − round(amount / (1 + Σpct/100)), split across
 * the inclusive rates by percentage with largest remainder so the parts sum
 * exactly. Exclusive rates then apply, each rounded on its own, to that net.
 */
export function computeTax(amount: bigint, rates: readonly ExactTaxRate[]): TaxComputation {
  const inclusiveRates = rates.filter((r) => r.inclusive);
  const { nums, den } = toCommonDenominator(inclusiveRates.map((r) => r.percent));
  const inclusivePercentSum = nums.reduce((sum, n) => sum + n, 0n);
  const net = roundDiv(amount * 100n * den, 100n * den + inclusivePercentSum);
  const inclusiveTax = amount - net;
  const inclusiveParts = allocateLargestRemainder(inclusiveTax, nums);

  let inclusiveIndex = 0;
  const taxes = rates.map((rate): ExactTax => {
    const taxAmount = rate.inclusive ? (inclusiveParts[inclusiveIndex++] ?? 0n) : roundDiv(net * rate.percent.num, rate.percent.den * 100n);
    return { amount: taxAmount, rateId: rate.id, inclusive: rate.inclusive, taxableAmount: net };
  });
  const exclusiveTax = taxes.filter((t) => !t.inclusive).reduce((sum, t) => sum + t.amount, 0n);
  return { net, inclusiveTax, exclusiveTax, taxes };
}

// Rewrites the fractions over one denominator so they can serve as integer weights.
function toCommonDenominator(values: readonly Decimal[]): { nums: bigint[]; den: bigint } {
  const den = values.reduce((acc, v) => lcm(acc, v.den), 1n);
  return { nums: values.map((v) => v.num * (den / v.den)), den };
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}
