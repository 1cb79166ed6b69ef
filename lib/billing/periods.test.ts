import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodAt, periodBoundary, type Interval, type Recurrence } from './periods';

const DAY = 86_400_000;
const utc = (iso: string) => new Date(iso);
const day = (d: Date) => d.toISOString().slice(0, 10);
const daysInMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
const timeOfDay = (d: Date) => d.getTime() - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

const anchors = fc.date({ min: utc('2000-01-01T00:00:00Z'), max: utc('2100-01-01T00:00:00Z'), noInvalidDate: true });
const recurrences: fc.Arbitrary<Recurrence> = fc.record({
  interval: fc.constantFrom<Interval>('day', 'week', 'month', 'year'),
  intervalCount: fc.integer({ min: 1, max: 12 }),
});
const TEN_YEARS = 3660 * DAY;

describe('billing periods (Stripe: calendar months from the anchor, clamped at month ends)', () => {
  it('an anchor on Jan 31, monthly → Feb 28, Mar 31, Apr 30, May 31; in a leap year Feb 29', () => {
    const r: Recurrence = { interval: 'month', intervalCount: 1 };
    const ends = [1, 2, 3, 4].map((n) => day(periodBoundary(utc('2026-01-31T09:30:00Z'), r, n)));
    expect(ends).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    expect(day(periodBoundary(utc('2024-01-31T00:00:00Z'), r, 1))).toBe('2024-02-29');
    expect(periodBoundary(utc('2026-01-31T09:30:00Z'), r, 2).toISOString()).toBe('2026-03-31T09:30:00.000Z');
  });

  it('an anchor on Feb 29, yearly → Feb 28 in ordinary years, Feb 29 again in the next leap year', () => {
    const r: Recurrence = { interval: 'year', intervalCount: 1 };
    const ends = [1, 2, 3, 4].map((n) => day(periodBoundary(utc('2024-02-29T12:00:00Z'), r, n)));
    expect(ends).toEqual(['2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']);
  });

  it('days and weeks are exact; interval_count multiplies every interval', () => {
    const a = utc('2026-03-28T23:00:00Z');
    expect(periodBoundary(a, { interval: 'day', intervalCount: 3 }, 2).getTime() - a.getTime()).toBe(6 * DAY);
    expect(periodBoundary(a, { interval: 'week', intervalCount: 2 }, 1).getTime() - a.getTime()).toBe(14 * DAY);
    expect(day(periodBoundary(utc('2026-01-31T00:00:00Z'), { interval: 'month', intervalCount: 3 }, 1))).toBe('2026-04-30');
    expect(day(periodBoundary(utc('2026-01-31T00:00:00Z'), { interval: 'month', intervalCount: 3 }, 2))).toBe('2026-07-31');
  });

  it('refuses an interval_count that is not a positive integer, and a moment before the anchor', () => {
    const a = utc('2026-01-01T00:00:00Z');
    expect(() => periodBoundary(a, { interval: 'month', intervalCount: 0 }, 1)).toThrow(RangeError);
    expect(() => periodAt(a, { interval: 'day', intervalCount: 1 }, utc('2025-12-31T23:59:59Z'))).toThrow(RangeError);
  });

  it('property: every moment after the anchor is in exactly one period — no gap, no overlap', () => {
    fc.assert(
      fc.property(anchors, recurrences, fc.integer({ min: 0, max: TEN_YEARS }), (anchor, r, offset) => {
        const at = new Date(anchor.getTime() + offset);
        const p = periodAt(anchor, r, at);
        expect(p.start <= at && at < p.end).toBe(true);
        expect(p.start.getTime()).toBe(periodBoundary(anchor, r, p.index).getTime());
        // The next period starts where this one ends, and the one before ends where this one starts.
        const next = periodAt(anchor, r, p.end);
        expect([next.index, next.start.getTime()]).toEqual([p.index + 1, p.end.getTime()]);
        if (p.index > 0) expect(periodAt(anchor, r, new Date(p.start.getTime() - 1)).end.getTime()).toBe(p.start.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('property: monthly and yearly boundaries keep the anchor’s day (clamped to the month) and time of day', () => {
    const calendar = fc.record({ interval: fc.constantFrom<Interval>('month', 'year'), intervalCount: fc.integer({ min: 1, max: 12 }) });
    fc.assert(
      fc.property(anchors, calendar, fc.integer({ min: 0, max: 150 }), (anchor, r, n) => {
        const b = periodBoundary(anchor, r, n);
        expect(b.getUTCDate()).toBe(Math.min(anchor.getUTCDate(), daysInMonth(b)));
        expect(timeOfDay(b)).toBe(timeOfDay(anchor));
        // An anchor on the 31st comes back to the 31st in every month that has one.
        if (anchor.getUTCDate() === 31 && daysInMonth(b) === 31) expect(b.getUTCDate()).toBe(31);
      }),
      { numRuns: 500 },
    );
  });

  it('property: a month lasts 28 to 31 days, a year 365 or 366, a day or a week exactly that', () => {
    fc.assert(
      fc.property(
        anchors,
        fc.constantFrom<Interval>('day', 'week', 'month', 'year'),
        fc.integer({ min: 0, max: 240 }),
        (anchor, interval, n) => {
          const r: Recurrence = { interval, intervalCount: 1 };
          const days = (periodBoundary(anchor, r, n + 1).getTime() - periodBoundary(anchor, r, n).getTime()) / DAY;
          const bounds: Record<Interval, [number, number]> = { day: [1, 1], week: [7, 7], month: [28, 31], year: [365, 366] };
          expect(days).toBeGreaterThanOrEqual(bounds[interval][0]);
          expect(days).toBeLessThanOrEqual(bounds[interval][1]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
