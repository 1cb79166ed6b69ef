import { describe, expect, it } from 'vitest';
import { computeTotals } from './compute-totals';
import { amountOff, cart, line, percentOff, rate, shipping } from './test-builders';
import type { DiscountInput, PricingInput, ShippingInput } from './types';

const noUnit = { unitAmount: null };

describe('computeTotals — input validation', () => {
  it.each<[string, PricingInput, RegExp]>([
    ['negative quantity', cart([line('li', 100, { quantity: -1 })]), /lines\[0\]\.quantity/],
    ['fractional quantity', cart([line('li', 100, { quantity: 1.5 })]), /lines\[0\]\.quantity/],
    ['NaN quantity', cart([line('li', 100, { quantity: Number.NaN })]), /lines\[0\]\.quantity/],
    ['negative unitAmount', cart([line('ok', 1), line('li', -1)]), /lines\[1\]\.unitAmount/],
    ['fractional unitAmount', cart([line('li', 10.5)]), /lines\[0\]\.unitAmount/],
    ['infinite unitAmount', cart([line('li', Number.POSITIVE_INFINITY)]), /lines\[0\]\.unitAmount/],
    ['unsafe unitAmount', cart([line('li', 2 ** 53)]), /lines\[0\]\.unitAmount/],
    ['no unit amount at all', cart([line('li', 0, noUnit)]), /lines\[0\] needs unitAmount/],
    ['junk unitAmountDecimal', cart([line('li', 0, { ...noUnit, unitAmountDecimal: '1e3' })]), /unitAmountDecimal/],
    ['negative unitAmountDecimal', cart([line('li', 0, { ...noUnit, unitAmountDecimal: '-0.5' })]), /unitAmountDecimal/],
    ['malformed currency', { ...cart([line('li', 1)]), currency: 'USD' }, /Currency must be a lowercase ISO 4217 code/],
    ['duplicate line keys', cart([line('li', 1), line('li', 2)]), /lines\[1\]\.key/],
    ['junk tax percentage', cart([line('li', 1, { taxRates: [rate('t', '5%')] })]), /taxRates\[0\]\.percentage/],
    ['tax percentage with spaces', cart([line('li', 1, { taxRates: [rate('t', ' 5')] })]), /taxRates\[0\]\.percentage/],
    [
      'tax percentage above 100',
      cart([line('li', 1, { taxRates: [rate('a', '5'), rate('t', '100.0001')] })]),
      /taxRates\[1\]\.percentage.*at most 100/,
    ],
    ['percentOff above 100', cart([line('li', 1)], [percentOff('co', '100.01')]), /discounts\[0\]\.percentOff.*at most 100/],
    ['junk percentOff', cart([line('li', 1)], [percentOff('co', 'abc')]), /discounts\[0\]\.percentOff/],
    ['negative percentOff', cart([line('li', 1)], [percentOff('co', '-5')]), /discounts\[0\]\.percentOff/],
    ['negative amountOff', cart([line('li', 1)], [amountOff('co', -5)]), /discounts\[0\]\.amountOff/],
    ['fractional amountOff', cart([line('li', 1)], [amountOff('co', 1.5)]), /discounts\[0\]\.amountOff/],
    ['coupon with both kinds', cart([line('li', 1)], [amountOff('co', 5, { percentOff: '5' })]), /exactly one/],
    ['coupon with neither kind', cart([line('li', 1)], [amountOff('co', 5, { amountOff: null })]), /exactly one/],
    ['negative shipping', cart([line('li', 1)], [], shipping(-1)), /shipping\.amount/],
    ['fractional shipping', cart([line('li', 1)], [], shipping(0.5)), /shipping\.amount/],
    ['bad shipping tax rate', cart([line('li', 1)], [], shipping(1, { taxRates: [rate('t', '150')] })), /shipping\.taxRates\[0\]/],
    [
      'unknown shipping taxBehavior',
      cart([line('li', 1)], [], shipping(1, { taxBehavior: 'sometimes' as unknown as ShippingInput['taxBehavior'] })),
      /shipping\.taxBehavior/,
    ],
  ])('rejects %s with a RangeError naming the field', (_, input, message) => {
    expect(() => computeTotals(input)).toThrow(RangeError);
    expect(() => computeTotals(input)).toThrow(message);
  });

  it.each<[string, DiscountInput]>([
    ['percentOff of exactly 100', percentOff('co', '100')],
    ['percentOff of 0', percentOff('co', '0')],
    ['amountOff of 0', amountOff('co', 0)],
  ])('accepts %s', (_, discount) => {
    expect(computeTotals(cart([line('li', 500)], [discount])).amountSubtotal).toBe(500);
  });
});
