import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder } from './allocate';

describe('allocateLargestRemainder', () => {
  it('gives leftover units to the largest remainders', () => {
    // Exact shares 2.1, 3.5, 1.4 → floors 2, 3, 1; the one missing unit goes to 3.5.
    expect(allocateLargestRemainder(7n, [300n, 500n, 200n])).toEqual([2n, 4n, 1n]);
  });

  it('breaks remainder ties in favour of the earlier index', () => {
    expect(allocateLargestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocateLargestRemainder(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
  });

  it('never gives anything to a zero weight', () => {
    expect(allocateLargestRemainder(10n, [0n, 3n, 0n])).toEqual([0n, 10n, 0n]);
  });

  it('allocates zero over zero weights, and over nothing', () => {
    expect(allocateLargestRemainder(0n, [0n, 0n])).toEqual([0n, 0n]);
    expect(allocateLargestRemainder(0n, [])).toEqual([]);
  });

  it.each([
    [5n, [0n, 0n]],
    [1n, []],
    [-1n, [1n]],
    [1n, [2n, -1n]],
  ])('rejects total %s over weights [%s]', (total, weights) => {
    expect(() => allocateLargestRemainder(total, weights)).toThrow(RangeError);
  });

  it('sums exactly, stays within one unit of the exact share, and never exceeds a weight when total ≤ Σw', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 20 }),
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        (weights, rawTotal) => {
          const weightSum = weights.reduce((a, b) => a + b, 0n);
          fc.pre(weightSum > 0n);
          const total = rawTotal % (weightSum * 2n);
          const parts = allocateLargestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          parts.forEach((part, i) => {
            const w = weights[i] ?? 0n;
            const floor = (total * w) / weightSum;
            expect(part === floor || part === floor + 1n).toBe(true);
            if (total <= weightSum) expect(part <= w).toBe(true);
          });
        },
      ),
    );
  });
});
