/**
 * Billing periods as Stripe counts them, in UTC, from a subscription's billing_cycle_anchor: days and weeks are
 * exact lengths of time; months and years are calendar steps counted from the anchor itself (never from the
 * previous period's end), with the day clamped to the month's last day. So an anchor on Jan 31 renews on
 * Feb 28 (29 in a leap year), then Mar 31 again; an anchor on Feb 29 renews on Feb 28 in ordinary years.
 * The anchor's time of day is kept. Pure: no clock, no I/O.
 */

export type Interval = 'day' | 'week' | 'month' | 'year';

export type Recurrence = { interval: Interval; intervalCount: number };

export type Period = { start: Date; end: Date; index: number };

const DAY_MS = 86_400_000;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** Months in one period, or null when the period is a fixed length of time. */
function monthsPerPeriod(r: Recurrence): number | null {
  if (r.interval === 'month') return r.intervalCount;
  if (r.interval === 'year') return 12 * r.intervalCount;
  return null;
}

function fixedLengthMs(r: Recurrence): number {
  return (r.interval === 'week' ? 7 : 1) * r.intervalCount * DAY_MS;
}

/** `anchor` moved by whole calendar months, its day clamped to the target month's length. */
function addMonthsClamped(anchor: Date, months: number): Date {
  const total = anchor.getUTCMonth() + months;
  const year = anchor.getUTCFullYear() + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const day = Math.min(anchor.getUTCDate(), daysInMonth(year, month));
  return new Date(
    Date.UTC(year, month, day, anchor.getUTCHours(), anchor.getUTCMinutes(), anchor.getUTCSeconds(), anchor.getUTCMilliseconds()),
  );
}

function assertRecurrence(r: Recurrence): void {
  if (!Number.isInteger(r.intervalCount) || r.intervalCount < 1)
    throw new RangeError(`interval_count must be a positive integer, got ${r.intervalCount}`);
}

/** Where period `n` starts (n = 0: the anchor; n = 1: the end of the first period). */
export function periodBoundary(anchor: Date, r: Recurrence, n: number): Date {
  assertRecurrence(r);
  const months = monthsPerPeriod(r);
  return months === null ? new Date(anchor.getTime() + n * fixedLengthMs(r)) : addMonthsClamped(anchor, n * months);
}

/** The period that contains `at`, at or after the anchor: start ≤ at < end. */
export function periodAt(anchor: Date, r: Recurrence, at: Date): Period {
  assertRecurrence(r);
  if (at < anchor) throw new RangeError('periodAt: the moment is before the billing cycle anchor');
  const months = monthsPerPeriod(r);
  let index: number;
  if (months === null) index = Math.floor((at.getTime() - anchor.getTime()) / fixedLengthMs(r));
  else {
    const elapsed = (at.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + (at.getUTCMonth() - anchor.getUTCMonth());
    // A first guess from the calendar months between them, then at most a step either way.
    index = Math.max(0, Math.floor(elapsed / months));
    while (index > 0 && periodBoundary(anchor, r, index) > at) index -= 1;
    while (periodBoundary(anchor, r, index + 1) <= at) index += 1;
  }
  return { start: periodBoundary(anchor, r, index), end: periodBoundary(anchor, r, index + 1), index };
}
