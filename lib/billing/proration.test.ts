import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '@/lib/money/decimal';
import {
  fullPeriodAmount,
  itemProrations,
  prorationDescription,
  remainingTimeCharge,
  unusedTimeCredit,
  type Billed,
  type ItemSide,
  type ProrationWindow,
} from './proration';

const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const billed = (unit: string, quantity = 1, percentOff: string | null = null): Billed => ({
  unitAmount: parseDecimal(unit),
  quantity,
  percentOff: percentOff === null ? null : parseDecimal(percentOff),
});
const side = (ref: string, b: Billed, product = 'Pro'): ItemSide<string> => ({ ...b, product, ref });

// A 30-day period: halfway is 15 days in.
const JAN: ProrationWindow = { start: at('2027-01-01T00:00:00Z'), end: at('2027-01-31T00:00:00Z'), at: at('2027-01-16T00:00:00Z') };

// Up to 10¹¹ minor units a unit and 10⁴ units: a period stays below 2⁵³, as the charge limits keep it.
const decimals = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 11n }), fc.integer({ min: 0, max: 6 }))
  .map(([num, digits]) => ({ num, den: 10n ** BigInt(digits) }));
const percents = fc.option(
  fc.integer({ min: 0, max: 10_000 }).map((hundredths) => ({ num: BigInt(hundredths), den: 100n })),
  { nil: null },
);
const billeds: fc.Arbitrary<Billed> = fc.record({
  unitAmount: decimals,
  quantity: fc.integer({ min: 0, max: 10_000 }),
  percentOff: percents,
});
const windows: fc.Arbitrary<ProrationWindow> = fc
  .tuple(fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2100-01-01T00:00:00Z') }), fc.integer({ min: 1, max: 5 * 366 * 86_400 }))
  .chain(([start, length]) => fc.integer({ min: start, max: start + length }).map((t) => ({ start, end: start + length, at: t })));
const sum = (lines: { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);

describe('prorations (classic billing mode, to the second)', () => {
  it('an upgrade from 10 to 20 halfway through the period → −5.00 unused, +10.00 remaining (Stripe’s own example)', () => {
    const lines = itemProrations({ before: side('old', billed('1000')), after: side('new', billed('2000')), same: false, window: JAN });
    expect(lines.map((l) => [l.kind, l.amount, l.ref])).toEqual([
      ['credit', -500, 'old'],
      ['charge', 1000, 'new'],
    ]);
  });

  it('a quantity change from 1 to 3 credits the 1 and charges the 3, each named with its quantity and date', () => {
    const lines = itemProrations({ before: side('si', billed('1500', 1)), after: side('si', billed('1500', 3)), same: true, window: JAN });
    expect(lines.map((l) => [l.amount, l.description])).toEqual([
      [-750, 'Unused time on 1 × Pro after 16 Jan 2027'],
      [2250, 'Remaining time on 3 × Pro after 16 Jan 2027'],
    ]);
  });

  it('the same price and quantity prorate nothing; a new item is only charged, a deleted one only credited', () => {
    expect(itemProrations({ before: side('a', billed('900', 2)), after: side('a', billed('900', 2)), same: true, window: JAN })).toEqual(
      [],
    );
    expect(itemProrations({ before: null, after: side('a', billed('900')), same: false, window: JAN }).map((l) => l.kind)).toEqual([
      'charge',
    ]);
    expect(itemProrations({ before: side('a', billed('900')), after: null, same: false, window: JAN }).map((l) => l.kind)).toEqual([
      'credit',
    ]);
  });

  it('rounds each line half away from zero: half a minor unit is one, and its credit minus one', () => {
    const w = { start: 0, end: 2, at: 1 };
    expect(remainingTimeCharge(billed('1'), w)).toBe(1);
    expect(unusedTimeCredit(billed('1'), w)).toBe(-1);
    // 999 × 1/3 = 333; 1000 × 1/3 = 333.33 → 333; 1001 × 2/3 = 667.33 → 667.
    expect(remainingTimeCharge(billed('999'), { start: 0, end: 3, at: 2 })).toBe(333);
    expect(remainingTimeCharge(billed('1001'), { start: 0, end: 3, at: 1 })).toBe(667);
  });

  it('a sub-unit price (unit_amount_decimal) is multiplied exactly before the one rounding', () => {
    // 0.5 × 3 × 1/2 = 0.75 → 1.
    expect(remainingTimeCharge(billed('0.5', 3), { start: 0, end: 2, at: 1 })).toBe(1);
  });

  it('a percent-off discount in force is inside the amount: 25% off a 20.00 charge for half the period → 7.50', () => {
    expect(remainingTimeCharge(billed('2000', 1, '25'), JAN)).toBe(750);
    expect(unusedTimeCredit(billed('2000', 1, '100'), JAN)).toBe(0);
  });

  it('a change at the start of the period prorates the whole period; at its end, nothing', () => {
    expect(remainingTimeCharge(billed('1234', 2), { ...JAN, at: JAN.start })).toBe(2468);
    expect(
      itemProrations({ before: side('a', billed('1000')), after: side('b', billed('3000')), same: false, window: { ...JAN, at: JAN.end } }),
    ).toEqual([]);
  });

  it('refuses a moment outside the period, a period that does not end after it starts, and an amount past 2⁵³', () => {
    expect(() => remainingTimeCharge(billed('100'), { ...JAN, at: JAN.start - 1 })).toThrow(RangeError);
    expect(() => remainingTimeCharge(billed('100'), { start: 10, end: 10, at: 10 })).toThrow(RangeError);
    expect(() => fullPeriodAmount(billed('999999999999', 10_000))).toThrow(RangeError);
  });

  it('describes a line as Stripe does', () => {
    expect(prorationDescription('credit', 2, 'Team plan', at('2027-03-05T23:59:59Z'))).toBe(
      'Unused time on 2 × Team plan after 05 Mar 2027',
    );
  });

  it('property: the credit and the charge of an unchanged item add up to 0', () => {
    fc.assert(
      fc.property(billeds, windows, (b, w) => {
        expect(unusedTimeCredit(b, w) + remainingTimeCharge(b, w)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('property: the prorations of a change and of its reverse at the same instant cancel out', () => {
    fc.assert(
      fc.property(billeds, billeds, windows, fc.boolean(), (a, b, w, same) => {
        const there = itemProrations({ before: side('x', a), after: side('y', b), same, window: w });
        const back = itemProrations({ before: side('y', b), after: side('x', a), same, window: w });
        expect(sum(there) + sum(back)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('property: no line exceeds a full period of what it prorates; every amount is an integer of minor units', () => {
    fc.assert(
      fc.property(billeds, billeds, windows, (a, b, w) => {
        const lines = itemProrations({ before: side('a', a), after: side('b', b), same: false, window: w });
        for (const line of lines) {
          expect(Number.isSafeInteger(line.amount)).toBe(true);
          expect(Math.abs(line.amount)).toBeLessThanOrEqual(fullPeriodAmount(line.ref === 'a' ? a : b));
          expect(Math.sign(line.amount)).toBe(line.kind === 'credit' ? -1 : 1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: the later the change, the smaller the charge for the time left', () => {
    fc.assert(
      fc.property(billeds, windows, fc.integer({ min: 0, max: 5 * 366 * 86_400 }), (b, w, step) => {
        const later = { ...w, at: Math.min(w.end, w.at + step) };
        expect(remainingTimeCharge(b, later)).toBeLessThanOrEqual(remainingTimeCharge(b, w));
      }),
      { numRuns: 300 },
    );
  });
});
