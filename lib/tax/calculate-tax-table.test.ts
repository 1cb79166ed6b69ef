import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTotals } from '@/lib/pricing/compute-totals';
import shipped from './data/tax-rates.json';
import { calculateTax, taxBehaviorOf } from './calculate-tax';
import { EU_COUNTRIES } from './jurisdictions';
import { AT, at, customer, goods, reg, settings, taxesOf } from './testing/tax-fixtures';
import type { AppliedTax, MerchantTaxSettings, TaxCustomer } from './types';

// The engine against its whole rate table, its properties, and its rates through the totals engine.

describe('calculateTax over the shipped table', () => {
  it('charges every shipped jurisdiction its standard rate in force today when registered there', () => {
    const today = AT.toISOString().slice(0, 10);
    const standard = shipped.rates.filter((r) => r.category === 'standard' && r.from <= today && (r.to === null || today <= r.to));
    expect(standard.length).toBeGreaterThan(27 + 9 + 9 + 50);
    for (const row of standard) {
      const registrations =
        row.country === 'US'
          ? [reg('US', 'state_sales_tax', row.state)]
          : row.country === 'CA'
            ? [reg('CA'), reg('CA', 'province_standard', row.state)]
            : [reg(row.country)];
      // HST provinces: GST is replaced; elsewhere the provincial tax comes after GST.
      const location = at(row.country, row.state ?? (row.country === 'CA' ? 'AB' : row.country === 'US' ? 'XX' : null));
      const taxes = taxesOf({ home: row.country, registrations, customer: customer(location) }).get('goods') ?? [];
      const match = taxes.find((t) => t.taxType === row.tax && t.jurisdiction === (row.state ?? row.country));
      expect(match?.percentage, `${row.country} ${row.state ?? ''} ${row.tax}`).toBe(row.percentage);
    }
  });

  it('never charges a rate where the reason says nothing is due, and charges only rates from the table', () => {
    const percentages = new Set(shipped.rates.map((r) => r.percentage));
    const countries = [...EU_COUNTRIES, 'GB', 'CH', 'NO', 'IS', 'AU', 'NZ', 'SG', 'IN', 'JP', 'CA', 'US', 'BR'];
    const state = fc.constantFrom(null, 'QC', 'ON', 'BC', 'CA', 'NY', 'TX', 'OR');
    const registration = fc.record({
      country: fc.constantFrom(...countries),
      type: fc.constantFrom('standard', 'oss_union', 'oss_non_union', 'ioss', 'simplified', 'province_standard', 'state_sales_tax'),
      state,
    });
    const taxCode = fc.constantFrom(
      null,
      'txcd_99999999',
      'txcd_10000000',
      'txcd_20030000',
      'txcd_35010000',
      'txcd_40060003',
      'txcd_00000000',
      'txcd_92010001',
      'txcd_12345678',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...countries),
        fc.array(registration, { maxLength: 4 }),
        fc.record({ country: fc.constantFrom(...countries), state, postalCode: fc.constant(null) }),
        fc.constantFrom<TaxCustomer['taxExempt']>('none', 'exempt', 'reverse'),
        fc.array(taxCode, { minLength: 1, maxLength: 3 }),
        (home, registrations, location, taxExempt, codes) => {
          const items = codes.map((taxCode, i) => ({ key: `li_${i}`, taxCode, taxBehavior: 'exclusive' as const }));
          const result = calculateTax({
            settings: settings(home),
            registrations,
            customer: customer(location, { taxExempt }),
            items,
            at: AT,
          });
          if (result.status !== 'complete') {
            expect(['US', 'CA']).toContain(location.country);
            return;
          }
          for (const taxes of result.taxes.values())
            for (const t of taxes) {
              expect(percentages).toContain(t.percentage);
              if (
                ['reverse_charge', 'not_collecting', 'customer_exempt', 'product_exempt', 'not_subject_to_tax', 'zero_rated'].includes(
                  t.taxabilityReason,
                )
              )
                expect(t.percentage).toBe('0');
              else expect(Number(t.percentage)).toBeGreaterThan(0);
              if (taxExempt === 'exempt') expect(t.percentage).toBe('0');
            }
        },
      ),
    );
  });
});

describe('taxBehaviorOf', () => {
  const defaults = (taxBehavior: MerchantTaxSettings['defaults']['taxBehavior']) => ({ taxBehavior, taxCode: null });
  it('takes the price’s own behaviour, else the default, inferring by currency when told to', () => {
    expect(taxBehaviorOf('inclusive', defaults('exclusive'), 'usd')).toBe('inclusive');
    expect(taxBehaviorOf('unspecified', defaults('exclusive'), 'eur')).toBe('exclusive');
    expect(taxBehaviorOf('unspecified', defaults('inferred_by_currency'), 'usd')).toBe('exclusive');
    expect(taxBehaviorOf('unspecified', defaults('inferred_by_currency'), 'cad')).toBe('exclusive');
    expect(taxBehaviorOf('unspecified', defaults('inferred_by_currency'), 'eur')).toBe('inclusive');
    expect(taxBehaviorOf('unspecified', defaults(null), 'eur')).toBeNull();
  });
});

describe('automatic taxes through the totals engine', () => {
  const total = (amount: number, taxes: AppliedTax[]) =>
    computeTotals({
      currency: 'eur',
      lines: [
        {
          key: 'li',
          productId: 'prod',
          unitAmount: amount,
          unitAmountDecimal: null,
          quantity: 1,
          taxRates: taxes.map((t, i) => ({ id: `r${i}`, percentage: t.percentage, inclusive: t.inclusive })),
        },
      ],
      discounts: [],
      shipping: null,
    });
  it('finds German VAT inside an inclusive price and adds Quebec’s two taxes on top, each rounded per line', () => {
    const de =
      taxesOf({
        home: 'DE',
        registrations: [reg('DE')],
        customer: customer(at('DE')),
        items: [{ ...goods, taxBehavior: 'inclusive' }],
      }).get('goods') ?? [];
    expect([total(10000, de).amountTax, total(10000, de).amountTotal]).toEqual([1597, 10000]); // 10000 − round(10000 / 1.19)
    const qc =
      taxesOf({ home: 'CA', registrations: [reg('CA'), reg('CA', 'province_standard', 'QC')], customer: customer(at('CA', 'QC')) }).get(
        'goods',
      ) ?? [];
    expect(total(1999, qc).lines[0]?.taxes.map((t) => t.amount)).toEqual([100, 199]); // 99.95 → 100, 199.40 → 199
    expect(total(1999, qc).amountTotal).toBe(2298);
  });
});
