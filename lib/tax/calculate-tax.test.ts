import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTotals } from '@/lib/pricing/compute-totals';
import shipped from './data/tax-rates.json';
import { calculateTax, taxBehaviorOf, type TaxableItem } from './calculate-tax';
import { EU_COUNTRIES } from './jurisdictions';
import type { AppliedTax, MerchantTaxSettings, TaxCustomer, TaxLocation, TaxRegistration } from './types';

const AT = new Date('2026-12-04T12:00:00Z');
const goods: TaxableItem = { key: 'goods', taxCode: 'txcd_99999999', taxBehavior: 'exclusive' };
const settings = (country: string | null, state: string | null = null): MerchantTaxSettings => ({
  headOffice: country ? { country, state } : null,
  defaults: { taxBehavior: null, taxCode: null },
});
const customer = (location: TaxLocation | null, more: Partial<TaxCustomer> = {}): TaxCustomer => ({
  location,
  taxExempt: 'none',
  taxIds: [],
  ...more,
});
const at = (country: string, state: string | null = null): TaxLocation => ({ country, state, postalCode: null });
const reg = (
  country: string,
  type = 'standard',
  state: string | null = null,
  placeOfSupplyScheme: TaxRegistration['placeOfSupplyScheme'] = null,
): TaxRegistration => ({
  country,
  type,
  state,
  placeOfSupplyScheme,
});

function taxesOf(p: { home: string; registrations: TaxRegistration[]; customer: TaxCustomer; items?: TaxableItem[]; when?: Date }) {
  const result = calculateTax({
    settings: settings(p.home),
    registrations: p.registrations,
    customer: p.customer,
    items: p.items ?? [goods],
    at: p.when ?? AT,
  });
  if (result.status !== 'complete') throw new Error(result.status);
  return result.taxes;
}
const brief = (t: AppliedTax) => [t.jurisdiction, t.taxType, t.percentage, t.taxabilityReason];

describe('calculateTax', () => {
  it('charges a German consumer 19 % German VAT when the merchant is registered in Germany', () => {
    const taxes = taxesOf({ home: 'DE', registrations: [reg('DE')], customer: customer(at('DE')) });
    expect(taxes.get('goods')).toEqual([
      {
        country: 'DE',
        state: null,
        jurisdiction: 'DE',
        jurisdictionLevel: 'country',
        taxType: 'vat',
        displayName: 'VAT',
        percentage: '19',
        inclusive: false,
        taxabilityReason: 'standard_rated',
      },
    ]);
  });

  it('reverse-charges a French business with a valid VAT ID buying from a German merchant', () => {
    const taxes = taxesOf({
      home: 'DE',
      registrations: [reg('DE')],
      customer: customer(at('FR'), { taxIds: [{ type: 'eu_vat', value: 'FR40303265045' }] }),
    });
    expect(taxes.get('goods')?.map(brief)).toEqual([['FR', 'vat', '0', 'reverse_charge']]);
  });

  it('charges a business in the merchant’s own country the domestic VAT (no reverse charge at home)', () => {
    const taxes = taxesOf({
      home: 'FR',
      registrations: [reg('FR')],
      customer: customer(at('FR'), { taxIds: [{ type: 'eu_vat', value: 'FR40303265045' }] }),
    });
    expect(taxes.get('goods')?.map(brief)).toEqual([['FR', 'vat', '20', 'standard_rated']]);
  });

  it('charges a consumer elsewhere in the EU their country’s VAT under the one-stop shop, the home VAT as a small seller, none otherwise', () => {
    const oss = taxesOf({ home: 'DE', registrations: [reg('DE', 'oss_union')], customer: customer(at('IT')) });
    expect(oss.get('goods')?.map(brief)).toEqual([['IT', 'vat', '22', 'standard_rated']]);
    const smallSeller = taxesOf({ home: 'DE', registrations: [reg('DE', 'standard', null, 'small_seller')], customer: customer(at('IT')) });
    expect(smallSeller.get('goods')?.map(brief)).toEqual([['DE', 'vat', '19', 'standard_rated']]);
    // A standard registration covers sales in Germany only.
    const domestic = taxesOf({ home: 'DE', registrations: [reg('DE', 'standard', null, 'standard')], customer: customer(at('IT')) });
    expect(domestic.get('goods')?.map(brief)).toEqual([['IT', 'vat', '0', 'not_collecting']]);
  });

  it('charges GST and QST to a customer in Quebec, HST alone in Ontario', () => {
    const registrations = [reg('CA'), reg('CA', 'province_standard', 'QC')];
    const quebec = taxesOf({ home: 'CA', registrations, customer: customer(at('CA', 'QC')) });
    expect(quebec.get('goods')?.map(brief)).toEqual([
      ['CA', 'gst', '5', 'standard_rated'],
      ['QC', 'qst', '9.975', 'standard_rated'],
    ]);
    const ontario = taxesOf({ home: 'CA', registrations, customer: customer(at('CA', 'ON')) });
    expect(ontario.get('goods')?.map(brief)).toEqual([['ON', 'hst', '13', 'standard_rated']]);
    // Without a Quebec registration, QST is not collected.
    const gstOnly = taxesOf({ home: 'CA', registrations: [reg('CA')], customer: customer(at('CA', 'QC')) });
    expect(gstOnly.get('goods')?.map(brief)).toEqual([
      ['CA', 'gst', '5', 'standard_rated'],
      ['QC', 'qst', '0', 'not_collecting'],
    ]);
    // The federal simplified regime is GST/HST only; Manitoba's own tax is RST.
    const simplified = taxesOf({ home: 'US', registrations: [reg('CA', 'simplified')], customer: customer(at('CA', 'QC')) });
    expect(simplified.get('goods')?.map(brief)).toEqual([
      ['CA', 'gst', '5', 'standard_rated'],
      ['QC', 'qst', '0', 'not_collecting'],
    ]);
    const manitoba = taxesOf({
      home: 'CA',
      registrations: [reg('CA'), reg('CA', 'province_standard', 'MB')],
      customer: customer(at('CA', 'MB')),
    });
    expect(manitoba.get('goods')?.map(brief)).toEqual([
      ['CA', 'gst', '5', 'standard_rated'],
      ['MB', 'rst', '7', 'standard_rated'],
    ]);
  });

  it('charges California’s state rate on goods, none on electronically supplied services', () => {
    const items = [goods, { key: 'saas', taxCode: 'txcd_10000000', taxBehavior: 'exclusive' as const }];
    const taxes = taxesOf({ home: 'US', registrations: [reg('US', 'state_sales_tax', 'CA')], customer: customer(at('US', 'CA')), items });
    expect(taxes.get('goods')?.map(brief)).toEqual([['CA', 'sales_tax', '7.25', 'standard_rated']]);
    expect(taxes.get('saas')?.map(brief)).toEqual([['CA', 'sales_tax', '0', 'not_subject_to_tax']]);
    const texas = taxesOf({ home: 'US', registrations: [reg('US', 'state_sales_tax', 'CA')], customer: customer(at('US', 'TX')) });
    expect(texas.get('goods')?.map(brief)).toEqual([['TX', 'sales_tax', '0', 'not_collecting']]);
  });

  it('applies the reduced rate a tax code selects, and none for the nontaxable code', () => {
    const items: TaxableItem[] = [
      { key: 'book', taxCode: 'txcd_35010000', taxBehavior: 'inclusive' },
      { key: 'free', taxCode: 'txcd_00000000', taxBehavior: 'inclusive' },
    ];
    const taxes = taxesOf({ home: 'FR', registrations: [reg('FR')], customer: customer(at('FR')), items });
    expect(taxes.get('book')?.map(brief)).toEqual([['FR', 'vat', '5.5', 'reduced_rated']]);
    expect(taxes.get('book')?.[0]?.inclusive).toBe(true);
    expect(taxes.get('free')?.map(brief)).toEqual([['FR', 'vat', '0', 'product_exempt']]);
  });

  it('charges an exempt customer nothing, and nothing where the merchant is not registered', () => {
    const exempt = taxesOf({ home: 'GB', registrations: [reg('GB')], customer: customer(at('GB'), { taxExempt: 'exempt' }) });
    expect(exempt.get('goods')?.map(brief)).toEqual([['GB', 'vat', '0', 'customer_exempt']]);
    const elsewhere = taxesOf({ home: 'GB', registrations: [reg('GB')], customer: customer(at('AU')) });
    expect(elsewhere.get('goods')?.map(brief)).toEqual([['AU', 'gst', '0', 'not_collecting']]);
  });

  it('prices a date by the rate in force then', () => {
    const before = taxesOf({
      home: 'FI',
      registrations: [reg('FI')],
      customer: customer(at('FI')),
      when: new Date('2024-06-01T00:00:00Z'),
    });
    expect(before.get('goods')?.map(brief)).toEqual([['FI', 'vat', '24', 'standard_rated']]);
    expect(
      taxesOf({ home: 'FI', registrations: [reg('FI')], customer: customer(at('FI')) })
        .get('goods')
        ?.map(brief),
    ).toEqual([['FI', 'vat', '25.5', 'standard_rated']]);
  });

  it('asks for the location until it knows the state or province where one decides the tax', () => {
    const ask = (location: TaxLocation | null) =>
      calculateTax({
        settings: settings('US'),
        registrations: [reg('US', 'state_sales_tax', 'NY')],
        customer: customer(location),
        items: [goods],
        at: AT,
      }).status;
    expect(ask(null)).toBe('requires_location_inputs');
    expect(ask(at('US'))).toBe('requires_location_inputs');
    expect(ask(at('CA'))).toBe('requires_location_inputs');
    expect(ask(at('US', 'NY'))).toBe('complete');
    expect(ask(at('DE'))).toBe('complete');
  });

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
      type: fc.constantFrom('standard', 'oss_union', 'simplified', 'province_standard', 'state_sales_tax'),
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
