import { computeRecurringTotals, nextChargeAt } from '@/lib/pricing/recurring-totals';
import type { PricingResult } from '@/lib/pricing/types';
import { unix } from '@/lib/util/time';
import { buildPricingInput, type PricedLine } from './pricing-input';
import type { AppliedDiscount } from './resolve-extras';

export type RecurringAmount = { result: PricingResult; interval: 'day' | 'week' | 'month' | 'year'; intervalCount: number };

/**
 * What a subscription session's customer pays each period from the next one on
 * (lib/pricing decides the figure; this maps the session's rows to its input).
 * Null outside subscription mode. The subscription starts, and its discount
 * with it, at `now`. Throws AmountTooLargeError like any total.
 */
export function recurringAmount(p: {
  currency: string;
  mode: string;
  lines: PricedLine[];
  discount: AppliedDiscount | null;
  /** The session's subscription_data, as given or stored. */
  subscriptionData: unknown;
  now: Date;
}): RecurringAmount | null {
  const lines = p.lines.filter((l) => l.price.recurring && l.quantity > 0);
  const billing = lines[0]?.price.recurring;
  if (p.mode !== 'subscription' || !billing) return null;
  const input = buildPricingInput({ currency: p.currency, lines, discount: p.discount, shipping: null });
  const coupon = p.discount?.coupon;
  const startsAt = unix(p.now);
  const result = computeRecurringTotals({
    currency: p.currency,
    lines: input.lines,
    // Without a discount there are none to carry the coupon's duration.
    discounts: coupon ? input.discounts.map((d) => ({ ...d, duration: coupon.duration, durationInMonths: coupon.durationInMonths })) : [],
    startsAt,
    nextChargeAt: nextChargeAt(
      startsAt,
      { interval: billing.interval, intervalCount: billing.interval_count },
      firstPeriodEnd(p.subscriptionData, startsAt),
    ),
  });
  return { result, interval: billing.interval, intervalCount: billing.interval_count };
}

/** When the first period ends, if not one interval on: at the trial's end, or at the billing cycle anchor. */
function firstPeriodEnd(given: unknown, startsAt: number): number | null {
  const data =
    given && typeof given === 'object'
      ? (given as { trial_period_days?: unknown; trial_end?: unknown; billing_cycle_anchor?: unknown })
      : null;
  if (typeof data?.trial_end === 'number') return data.trial_end;
  if (typeof data?.billing_cycle_anchor === 'number') return data.billing_cycle_anchor;
  if (typeof data?.trial_period_days === 'number' && data.trial_period_days > 0) return startsAt + data.trial_period_days * 86_400;
  return null;
}
