import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelayMs } from './schedule';
import { defined } from '@/e2e/support/defined';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const mid = () => 0.5; // random() = 0.5 → no jitter

describe('when a failed delivery is tried again', () => {
  it('after each failed attempt → immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 10 h, 24 h, then never', () => {
    const waits = Array.from({ length: 12 }, (_, i) => retryDelayMs(i + 1, mid));
    expect(waits).toEqual([0, 5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H, 10 * H, 24 * H, null, null]);
    expect(MAX_ATTEMPTS).toBe(11);
  });

  it('jitter stays within ±10% and reaches both ends', () => {
    expect(retryDelayMs(5, () => 0)).toBe(2 * H * 0.9);
    expect(retryDelayMs(5, () => 0.999999)).toBeCloseTo(2 * H * 1.1, -2);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_ATTEMPTS - 1 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const base = RETRY_DELAYS_MS[n - 1];
        const wait = defined(
          retryDelayMs(n, () => r),
          `the delay before attempt ${n}`,
        );
        expect(wait).toBeGreaterThanOrEqual(Math.floor(base * 0.9));
        expect(wait).toBeLessThanOrEqual(Math.ceil(base * 1.1));
      }),
    );
  });

  it('no attempt made yet → no retry time (the first attempt is due when the event is written)', () => {
    expect(retryDelayMs(0, mid)).toBeNull();
  });
});
