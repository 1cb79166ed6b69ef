import type { ExactDiscountAmount, ExactTax } from './exact-types';

/** Sums discount entries per (coupon, promotion code), keeping first-seen order. */
export function aggregateDiscounts(entries: readonly ExactDiscountAmount[]): ExactDiscountAmount[] {
  return sumBy(
    entries,
    (e) => JSON.stringify([e.couponId, e.promotionCodeId]),
    (a, b) => ({ ...a, amount: a.amount + b.amount }),
  );
}

/**
 * Sums tax entries per (rate, inclusive), keeping first-seen order. The
 * taxable amounts add up too: each entry taxed a different line or shipping.
 */
export function aggregateTaxes(entries: readonly ExactTax[]): ExactTax[] {
  return sumBy(
    entries,
    (e) => JSON.stringify([e.rateId, e.inclusive]),
    (a, b) => ({ ...a, amount: a.amount + b.amount, taxableAmount: a.taxableAmount + b.taxableAmount }),
  );
}

// Map keeps insertion order, and re-setting an existing key does not move it.
function sumBy<T>(entries: readonly T[], keyOf: (entry: T) => string, merge: (a: T, b: T) => T): T[] {
  const byKey = new Map<string, T>();
  for (const entry of entries) {
    const key = keyOf(entry);
    const seen = byKey.get(key);
    byKey.set(key, seen === undefined ? entry : merge(seen, entry));
  }
  return [...byKey.values()];
}
