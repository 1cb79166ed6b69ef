import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxChargeAmount } from '../money/limits';
import { AmountTooLargeError } from './amount-limit';
import { computeTotals } from './compute-totals';
import { currency, pricingInput } from './test-arbitraries';
import { allAmounts, amountOff, cart, line, rate, shipping } from './test-builders';
import type { PricingInput, PricingResult } from './types';

const NUM_RUNS = 300;
// CPU-bound: a bound for a busy machine, not a speed assertion.
const PROPERTY_TIMEOUT = 60_000;

type Outcome = { ok: true; result: PricingResult } | { ok: false; error: AmountTooLargeError };

/** Anything but AmountTooLargeError escapes and fails the property: a RangeError here would be a 500. */
function outcome(input: PricingInput): Outcome {
  try {
    return { ok: true, result: computeTotals(input) };
  } catch (err) {
    if (err instanceof AmountTooLargeError) return { ok: false, error: err };
    throw err;
  }
}

// IDR has the widest limit (12 digits): a cart priced there is the reference for the narrower ones.
const widest = (input: PricingInput): PricingInput => ({ ...input, currency: 'idr' });

describe('computeTotals — the currency limit', () => {
  it(
    'no amount it returns is ever above the limit, a float or an unsafe integer; too much is an AmountTooLargeError',
    () => {
      const seen = { within: 0, over: 0 };
      fc.assert(
        fc.property(pricingInput, (input) => {
          const out = outcome(input);
          if (!out.ok) {
            seen.over += 1;
            expect(out.error.maximum).toBe(maxChargeAmount(input.currency));
            return;
          }
          seen.within += 1;
          for (const amount of allAmounts(out.result)) {
            expect(Number.isSafeInteger(amount)).toBe(true);
            expect(amount).toBeLessThanOrEqual(maxChargeAmount(input.currency));
          }
        }),
        { numRuns: NUM_RUNS },
      );
      // Guards against a generator that never (or always) goes over.
      expect(seen.within).toBeGreaterThan(NUM_RUNS / 2);
      expect(seen.over).toBeGreaterThan(NUM_RUNS / 20);
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'refuses exactly the carts whose subtotal or total is above the limit, and prices the others as if there were none',
    () => {
      fc.assert(
        fc.property(pricingInput, currency, (input, cur) => {
          const reference = outcome(widest(input));
          fc.pre(reference.ok);
          const { result } = reference;
          const max = maxChargeAmount(cur);
          const out = outcome({ ...input, currency: cur });
          if (result.amountSubtotal > max || result.amountTotal > max) {
            expect(out.ok).toBe(false);
            expect((out as Extract<Outcome, { ok: false }>).error.amount).toBe(
              result.amountSubtotal > max ? 'amountSubtotal' : 'amountTotal',
            );
          } else {
            expect(out).toEqual({ ok: true, result });
          }
        }),
        { numRuns: NUM_RUNS },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'names the line (or the shipping) at which the running amount first crosses the limit',
    () => {
      let checked = 0;
      fc.assert(
        fc.property(pricingInput, (input) => {
          const out = outcome(input);
          if (out.ok) return;
          const { error } = out;
          const reference = outcome(widest(input));
          if (!reference.ok) return;
          const { result } = reference;
          checked += 1;
          const parts =
            error.amount === 'amountSubtotal'
              ? result.lines.map((l) => ({ key: l.key, amount: l.amountSubtotal }))
              : [
                  ...result.lines.map((l) => ({ key: l.key, amount: l.amountTotal })),
                  { key: 'shipping', amount: result.shipping?.amountTotal ?? 0 },
                ];
          const at = parts.findIndex((p) => p.key === (error.culprit.kind === 'line' ? error.culprit.key : 'shipping'));
          const upTo = (n: number) => parts.slice(0, n).reduce((s, p) => s + p.amount, 0);
          expect(upTo(at + 1)).toBeGreaterThan(error.maximum);
          expect(upTo(at)).toBeLessThanOrEqual(error.maximum);
        }),
        { numRuns: NUM_RUNS },
      );
      expect(checked).toBeGreaterThan(NUM_RUNS / 20);
    },
    PROPERTY_TIMEOUT,
  );
});

describe('computeTotals — the limit, by example', () => {
  it('takes a total of exactly the limit', () => {
    expect(computeTotals(cart([line('li', 99_999_999)])).amountTotal).toBe(99_999_999);
    expect(computeTotals(cart([line('li', 999_999_999_999)], [], null, 'idr')).amountTotal).toBe(999_999_999_999);
  });

  it('refuses one unit more, naming the line', () => {
    const error = (() => {
      try {
        computeTotals(cart([line('a', 50_000_000), line('b', 50_000_000)]));
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(AmountTooLargeError);
    expect(error).toMatchObject({ amount: 'amountSubtotal', maximum: 99_999_999, culprit: { kind: 'line', key: 'b' } });
  });

  it('refuses a quantity whose product is beyond 2^53, instead of losing precision', () => {
    expect(() => computeTotals(cart([line('li', 99_999_999, { quantity: 999_999 })]))).toThrow(AmountTooLargeError);
    expect(() => computeTotals(cart([line('li', 2 ** 52, { quantity: 4 })], [], null, 'idr'))).toThrow(AmountTooLargeError);
  });

  it('counts exclusive tax and shipping into the total: a subtotal within the limit can still be too much', () => {
    const taxed = cart([line('li', 90_000_000, { taxRates: [rate('vat', '20')] })]);
    expect(() => computeTotals(taxed)).toThrow(expect.objectContaining({ amount: 'amountTotal', culprit: { kind: 'line', key: 'li' } }));
    const shipped = cart([line('li', 99_000_000)], [], shipping(1_000_000));
    expect(() => computeTotals(shipped)).toThrow(expect.objectContaining({ amount: 'amountTotal', culprit: { kind: 'shipping' } }));
  });

  it('refuses a subtotal above the limit even when a discount brings the total under it', () => {
    expect(() => computeTotals(cart([line('li', 60_000_000, { quantity: 2 })], [amountOff('co', 50_000_000)]))).toThrow(
      expect.objectContaining({ amount: 'amountSubtotal' }),
    );
  });
});
