import { periodBoundary, type Recurrence } from '@/lib/billing/periods';
import { invalidRequest } from '@/lib/api/errors';
import { unix } from '@/lib/util/time';
import type { PricedLine } from './pricing-input';

/** How much of a full period today's invoice charges for the recurring prices: `seconds` of `of`. */
export type FirstPeriodShare = { seconds: number; of: number };

const FREE: FirstPeriodShare = { seconds: 0, of: 1 };

type FirstPeriodData = { trial_period_days?: number; trial_end?: number; billing_cycle_anchor?: number; proration_behavior?: string };

/**
 * A subscription session's first period, as today's invoice charges it (null: a full period). Free during a
 * trial, and up to a future `billing_cycle_anchor` with `proration_behavior=none`; with an anchor and
 * Stripe's default `create_prorations`, the time left from `from` to the anchor, to the second, out of the
 * full period that ends at the anchor. `from` is the session's creation, so the amount shown on the page
 * stays the amount charged whenever the customer pays.
 */
export function firstPeriodShare(
  data: FirstPeriodData | null | undefined,
  recurrence: Recurrence | null,
  from: Date,
): FirstPeriodShare | null {
  if (hasTrial(data)) return FREE;
  const anchor = data?.billing_cycle_anchor;
  if (anchor === undefined || !recurrence) return null;
  if (data?.proration_behavior === 'none') return FREE;
  const end = new Date(anchor * 1000);
  const start = periodBoundary(end, recurrence, -1);
  const seconds = Math.max(0, Math.round((end.getTime() - from.getTime()) / 1000));
  const of = Math.round((end.getTime() - start.getTime()) / 1000);
  return { seconds: Math.min(seconds, of), of };
}

/** `amount` (minor units, an integer or a decimal string) × seconds / of, as an exact decimal string to 12 places. */
export function shareOfAmount(amount: { unitAmount: number | null; unitAmountDecimal: string | null }, share: FirstPeriodShare): string {
  const text = amount.unitAmount !== null ? String(amount.unitAmount) : (amount.unitAmountDecimal ?? '0');
  const [whole, fraction = ''] = text.split('.');
  const places = 12;
  const scaled = BigInt(whole + fraction.padEnd(places, '0').slice(0, places));
  const value = (scaled * BigInt(share.seconds)) / BigInt(share.of);
  const digits = value.toString().padStart(places + 1, '0');
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** Whether a subscription session starts with a free trial. */
export function hasTrial(subscriptionData: { trial_period_days?: unknown; trial_end?: unknown } | null | undefined): boolean {
  return Boolean(subscriptionData?.trial_period_days || subscriptionData?.trial_end);
}

/** firstPeriodShare for a session's priced lines (their first recurring price sets the period), in subscription mode only. */
export function sessionFirstPeriod(
  mode: string,
  data: FirstPeriodData | null | undefined,
  lines: PricedLine[],
  from: Date,
): FirstPeriodShare | null {
  return mode === 'subscription' ? firstPeriodShare(data, recurrenceOf(lines), from) : null;
}

/** The billing period of a session's lines: their first recurring price's. */
function recurrenceOf(lines: PricedLine[]): Recurrence | null {
  const r = lines.find((l) => l.price.recurring)?.price.recurring;
  return r ? { interval: r.interval, intervalCount: r.interval_count } : null;
}

/** Stripe's rule: the anchor falls within the first full period, so the first invoice never covers more than one. */
export function checkBillingCycleAnchor(mode: string, data: FirstPeriodData | null | undefined, lines: PricedLine[], now: Date): void {
  const anchor = data?.billing_cycle_anchor;
  const recurrence = recurrenceOf(lines);
  if (mode !== 'subscription' || anchor === undefined || !recurrence) return;
  const natural = unix(periodBoundary(now, recurrence, 1));
  if (anchor > natural)
    throw invalidRequest(
      `billing_cycle_anchor cannot be later than next natural billing date (${natural}) for plan`,
      'subscription_data[billing_cycle_anchor]',
    );
}
