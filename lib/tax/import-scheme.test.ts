import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_SCHEME_LIMIT_EUR_CENTS, type TaxableItem } from './calculate-tax';
import { at, brief, customer, goods, reg, taxesOf } from './testing/tax-fixtures';

// The EU's import scheme (IOSS) covers consignments of goods worth €150 at most: a seller outside the EU registered
// for it (here in the Netherlands) charges a German consumer German VAT on a cheaper parcel; a dearer one is taxed
// at the border, so nothing is collected at checkout.

const worth = (key: string, valueEur: number | null, more: Partial<TaxableItem> = {}): TaxableItem => ({
  ...goods,
  key,
  valueEur,
  ...more,
});
const underIoss = (items: TaxableItem[], registrations = [reg('NL', 'ioss')]) =>
  taxesOf({ home: 'US', registrations, customer: customer(at('DE')), items });
const reasons = (taxes: ReturnType<typeof underIoss>) => Object.fromEntries([...taxes].map(([key, t]) => [key, t.map(brief)]));
const COLLECTED = [['DE', 'vat', '19', 'standard_rated']];
const AT_THE_BORDER = [['DE', 'vat', '0', 'not_collecting']];

describe('the import scheme’s €150 limit', () => {
  it('covers goods worth €150 exactly, not a cent more', () => {
    expect(reasons(underIoss([worth('lamp', 15_000)]))).toEqual({ lamp: COLLECTED });
    expect(reasons(underIoss([worth('lamp', 15_001)]))).toEqual({ lamp: AT_THE_BORDER });
  });

  it('counts the goods net of the VAT their prices include: €178.50 with 19 % inside is €150', () => {
    const inclusive = { taxBehavior: 'inclusive' as const };
    expect(reasons(underIoss([worth('lamp', 17_850, inclusive)]))).toEqual({ lamp: COLLECTED });
    expect(reasons(underIoss([worth('lamp', 17_851, inclusive)]))).toEqual({ lamp: AT_THE_BORDER });
  });

  it('adds up the whole consignment: €100 and €60 together are over the limit, every item then taxed at the border', () => {
    expect(reasons(underIoss([worth('lamp', 10_000), worth('book', 6_000, { taxCode: 'txcd_35010000' })]))).toEqual({
      lamp: AT_THE_BORDER,
      book: [['DE', 'vat', '0', 'not_collecting']],
    });
  });

  it('counts only what the scheme taxes: a €200 service beside a €100 lamp leaves the lamp covered', () => {
    const service = worth('saas', 20_000, { taxCode: 'txcd_10000000' });
    expect(reasons(underIoss([service, worth('lamp', 10_000)]))).toEqual({ saas: AT_THE_BORDER, lamp: COLLECTED });
  });

  it('does not count shipping, whose value is no part of the goods’: a €140 lamp with €20 shipping is covered', () => {
    const shipping: TaxableItem = { key: 'shipping', taxCode: 'txcd_92010001', taxBehavior: 'exclusive' };
    expect(reasons(underIoss([worth('lamp', 14_000), shipping]))).toEqual({ lamp: COLLECTED, shipping: COLLECTED });
  });

  it('does not cover goods whose value in euros is unknown (no exchange rate)', () => {
    expect(reasons(underIoss([worth('lamp', null)]))).toEqual({ lamp: AT_THE_BORDER });
  });

  it('leaves a registration in the customer’s own country alone: German VAT on a €500 lamp all the same', () => {
    expect(reasons(underIoss([worth('lamp', 50_000)], [reg('DE'), reg('NL', 'ioss')]))).toEqual({ lamp: COLLECTED });
  });

  it('collects on every item or on none, and on them exactly when their value net of included VAT is within the limit', () => {
    const item = fc.record({
      value: fc.integer({ min: 0, max: 30_000 }),
      inclusive: fc.boolean(),
      book: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 4 }), (drawn) => {
        const items = drawn.map((d, i) =>
          worth(`li_${i}`, d.value, {
            taxBehavior: d.inclusive ? 'inclusive' : 'exclusive',
            taxCode: d.book ? 'txcd_35010000' : 'txcd_99999999',
          }),
        );
        const net = drawn.reduce((sum, d) => sum + (d.inclusive ? (d.value * 100) / (d.book ? 107 : 119) : d.value), 0);
        const taxes = [...underIoss(items).values()].flat();
        const collected = taxes.filter((t) => t.taxabilityReason !== 'not_collecting');
        expect(collected.length === 0 || collected.length === taxes.length).toBe(true);
        expect(collected.length === taxes.length).toBe(Math.round(net) <= IMPORT_SCHEME_LIMIT_EUR_CENTS);
      }),
    );
  });
});
