import { computeTotals } from './compute-totals';
import type { DiscountInput, LineInput, PricingResult } from './types';

export type CouponDuration = { duration: 'once' | 'forever' | 'repeating'; durationInMonths: number | null };

export type BillingInterval = { interval: 'day' | 'week' | 'month' | 'year'; intervalCount: number };

export type RecurringPricingInput = {
  currency: string;
  /** The subscription's recurring lines at their full unit amounts (a trial makes only today's invoice free). */
  lines: LineInput[];
  /** The session's discounts, with how long each coupon lasts. */
  discounts: (DiscountInput & CouponDuration)[];
  /** Unix seconds: when the subscription, and so its discount, starts. */
  startsAt: number;
  /** Unix seconds: when the period after today's is charged (the trial's end, or one interval on). */
  nextChargeAt: number;
};

/**
 * What the customer pays per period from the next period on, as Stripe's next
 * invoice would: the recurring lines only (one-time lines and shipping are on
 * the first invoice alone), the discounts that still apply then, exclusive tax
 * added and inclusive tax left inside the amounts. Subject to the currency's
 * limit like any total (AmountTooLargeError).
 */
export function computeRecurringTotals(input: RecurringPricingInput): PricingResult {
  const discounts = input.discounts
    .filter((d) => discountAppliesAt(d, input.startsAt, input.nextChargeAt))
    // The durations are left out: computeTotals takes plain discounts.
    .map(({ duration: _duration, durationInMonths: _months, ...discount }) => discount);
  return computeTotals({ currency: input.currency, lines: input.lines, discounts, shipping: null });
}

/**
 * Whether a coupon still discounts an invoice made at `at` (Stripe's coupon
 * `duration`): `once` only the first invoice, which is today's (or the trial's,
 * which a trial makes free); `forever` every one; `repeating` every invoice made
 * within `duration_in_months` months of the start.
 */
export function discountAppliesAt(coupon: CouponDuration, startsAt: number, at: number): boolean {
  if (coupon.duration === 'forever') return true;
  if (coupon.duration === 'once') return false;
  if (coupon.durationInMonths === null) throw new RangeError('A repeating coupon needs durationInMonths');
  return at < addMonths(startsAt, coupon.durationInMonths);
}

/** When the period after the first one is charged: at the trial's end, else one billing interval after the start. */
export function nextChargeAt(startsAt: number, billing: BillingInterval, trialEnd: number | null): number {
  if (trialEnd !== null) return trialEnd;
  const n = billing.intervalCount;
  switch (billing.interval) {
    case 'day':
      return startsAt + n * 86_400;
    case 'week':
      return startsAt + n * 7 * 86_400;
    case 'month':
      return addMonths(startsAt, n);
    case 'year':
      return addMonths(startsAt, 12 * n);
  }
}

/** Calendar months in UTC, as billing anchors move: Jan 31 + 1 month is the last day of February. */
export function addMonths(unixSeconds: number, months: number): number {
  const d = new Date(unixSeconds * 1000);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  target.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
  return Math.floor(target.getTime() / 1000);
}
