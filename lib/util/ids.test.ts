import { describe, expect, it } from 'vitest';
import { newSessionId, randomBase62 } from './ids';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('randomBase62', () => {
  it('gives strings of the length asked, of base62 characters, never the same twice (across pool refills)', () => {
    const seen = new Set<string>();
    // 3,000 × 24 characters take well over the 4 KB pool many times.
    for (let i = 0; i < 3000; i++) {
      const s = randomBase62(24);
      expect(s).toMatch(/^[0-9A-Za-z]{24}$/);
      seen.add(s);
    }
    expect(seen.size).toBe(3000);
    expect(newSessionId()).toMatch(/^cs_test_[0-9A-Za-z]{58}$/);
  });

  it('draws every character equally often (chi-squared, 61 degrees of freedom, false alarm below one in a million)', () => {
    const counts = new Map<string, number>();
    const n = 62 * 2000;
    for (const c of randomBase62(n)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = n / 62;
    let chi2 = 0;
    for (const c of ALPHABET) chi2 += ((counts.get(c) ?? 0) - expected) ** 2 / expected;
    expect(chi2).toBeLessThan(130);
  });
});
