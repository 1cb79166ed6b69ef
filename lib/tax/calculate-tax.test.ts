import { describe, expect, it } from 'vitest';
import { calculateTax, type TaxableItem } from './calculate-tax';
import { AT, at, brief, customer, goods, reg, settings, sharesOf, taxesOf } from './testing/tax-fixtures';
import type { AppliedTax, TaxLocation } from './types';

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
        statutoryPercentage: '19',
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
    // Nothing applied, France's own rate still reported (the API's percentage; effective_percentage is 0).
    expect(taxes.get('goods')?.map((t) => t.statutoryPercentage)).toEqual(['20']);
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
    expect(domestic.get('goods')?.map((t) => t.statutoryPercentage)).toEqual(['22']);
  });

  it('charges EU VAT under the non-Union scheme on services only, under the import scheme (IOSS) on goods only', () => {
    const items: TaxableItem[] = [
      { key: 'saas', taxCode: 'txcd_10000000', taxBehavior: 'exclusive' },
      { key: 'consulting', taxCode: 'txcd_20030000', taxBehavior: 'exclusive' },
      goods,
      { key: 'book', taxCode: 'txcd_35010000', taxBehavior: 'exclusive' },
    ];
    const reasons = (taxes: Map<string, AppliedTax[]>) =>
      Object.fromEntries([...taxes].map(([key, applied]) => [key, applied.map((t) => `${t.percentage} ${t.taxabilityReason}`)]));
    // A seller outside the EU: the non-Union scheme (identified in Ireland) declares its services to a German consumer.
    const nonUnion = taxesOf({ home: 'US', registrations: [reg('IE', 'oss_non_union')], customer: customer(at('DE')), items });
    expect(reasons(nonUnion)).toEqual({
      saas: ['19 standard_rated'],
      consulting: ['19 standard_rated'],
      goods: ['0 not_collecting'],
      book: ['0 not_collecting'],
    });
    // The import scheme declares goods sent from outside the EU, at the destination's rate for them.
    const imports = taxesOf({ home: 'US', registrations: [reg('NL', 'ioss')], customer: customer(at('DE')), items });
    expect(reasons(imports)).toEqual({
      saas: ['0 not_collecting'],
      consulting: ['0 not_collecting'],
      goods: ['19 standard_rated'],
      book: ['7 reduced_rated'],
    });
    // Either scheme identified in the customer's own country is still that scheme, not a domestic registration.
    const identifiedThere = taxesOf({ home: 'US', registrations: [reg('DE', 'ioss')], customer: customer(at('DE')), items });
    expect(reasons(identifiedThere).saas).toEqual(['0 not_collecting']);
    // The Union scheme declares every distance sale.
    const union = taxesOf({ home: 'FR', registrations: [reg('FR', 'oss_union')], customer: customer(at('DE')), items });
    expect(Object.values(reasons(union)).flat()).toEqual([
      '19 standard_rated',
      '19 standard_rated',
      '19 standard_rated',
      '7 reduced_rated',
    ]);
  });

  it('taxes shipping at the rate of the goods it ships where VAT applies; US states and Japan at the standard rate', () => {
    const book: TaxableItem = { key: 'book', taxCode: 'txcd_35010000', taxBehavior: 'exclusive' };
    const shipping: TaxableItem = { key: 'shipping', taxCode: 'txcd_92010001', taxBehavior: 'exclusive' };
    const shippingTax = (country: string, items: TaxableItem[], state: string | null = null) =>
      taxesOf({
        home: country,
        registrations: [reg(country, state ? 'state_sales_tax' : 'standard', state)],
        customer: customer(at(country, state)),
        items,
      })
        .get('shipping')
        ?.map(brief);
    expect(shippingTax('DE', [book, shipping])).toEqual([['DE', 'vat', '7', 'reduced_rated']]);
    expect(shippingTax('DE', [goods, shipping])).toEqual([['DE', 'vat', '19', 'standard_rated']]);
    const exempt: TaxableItem = { key: 'exempt', taxCode: 'txcd_00000000', taxBehavior: 'exclusive' };
    expect(shippingTax('DE', [exempt, shipping])).toEqual([['DE', 'vat', '0', 'product_exempt']]);
    expect(shippingTax('DE', [shipping])).toEqual([['DE', 'vat', '19', 'standard_rated']]);
    // A shipping rate with its own tax code is taxed by that code.
    expect(shippingTax('DE', [book, { ...shipping, taxCode: 'txcd_00000000' }])).toEqual([['DE', 'vat', '0', 'product_exempt']]);
    expect(shippingTax('US', [book, shipping], 'CA')).toEqual([['CA', 'sales_tax', '7.25', 'standard_rated']]);
    const food: TaxableItem = { key: 'food', taxCode: 'txcd_40060003', taxBehavior: 'exclusive' };
    expect(shippingTax('GB', [food, shipping])).toEqual([['GB', 'vat', '0', 'zero_rated']]);
    expect(shippingTax('JP', [food, shipping])).toEqual([['JP', 'jct', '10', 'standard_rated']]);
  });

  it('splits shipping with goods of several rates among their rates (proportionally_rated), one share per kind of goods', () => {
    const book: TaxableItem = { key: 'book', taxCode: 'txcd_35010000', taxBehavior: 'exclusive' };
    const book2: TaxableItem = { ...book, key: 'book2' };
    const food: TaxableItem = { key: 'food', taxCode: 'txcd_40060003', taxBehavior: 'inclusive' };
    const exempt: TaxableItem = { key: 'exempt', taxCode: 'txcd_00000000', taxBehavior: 'exclusive' };
    const shipping: TaxableItem = { key: 'shipping', taxCode: 'txcd_92010001', taxBehavior: 'exclusive' };
    const split = (
      country: string,
      items: TaxableItem[],
      more: Partial<Parameters<typeof customer>[1]> = {},
      state: string | null = null,
    ) => {
      const world = {
        home: country,
        registrations: [reg(country, state ? 'state_sales_tax' : 'standard', state)],
        customer: customer(at(country, state), more),
        items,
      };
      return {
        whole: taxesOf(world).get('shipping')?.map(brief),
        shares: sharesOf(world)
          .get('shipping')
          ?.map((s) => ({ weightedBy: s.weightedBy, taxes: s.taxes.map(brief), inclusive: s.taxes.map((t) => t.inclusive) })),
      };
    };
    expect(split('DE', [book, goods, book2, shipping])).toEqual({
      whole: [],
      shares: [
        { weightedBy: ['book', 'book2'], taxes: [['DE', 'vat', '7', 'proportionally_rated']], inclusive: [false] },
        { weightedBy: ['goods'], taxes: [['DE', 'vat', '19', 'proportionally_rated']], inclusive: [false] },
      ],
    });
    // Exempt goods' share is exempt; the share keeps the shipping's own tax behaviour, not the goods'.
    expect(split('GB', [food, exempt, goods, shipping]).shares).toEqual([
      { weightedBy: ['food'], taxes: [['GB', 'vat', '0', 'proportionally_rated']], inclusive: [false] },
      { weightedBy: ['exempt'], taxes: [['GB', 'vat', '0', 'proportionally_rated']], inclusive: [false] },
      { weightedBy: ['goods'], taxes: [['GB', 'vat', '20', 'proportionally_rated']], inclusive: [false] },
    ]);
    // What the buyer is decides for every share alike: a reverse charge stays one (each share with its goods' statutory rate).
    const french = {
      home: 'DE',
      registrations: [reg('DE')],
      customer: customer(at('FR'), { taxIds: [{ type: 'eu_vat', value: 'FR40303265045' }] }),
      items: [book, goods, shipping],
    };
    expect(
      sharesOf(french)
        .get('shipping')
        ?.map((s) => s.taxes.map((t) => [...brief(t), t.statutoryPercentage])),
    ).toEqual([[['FR', 'vat', '0', 'reverse_charge', '5.5']], [['FR', 'vat', '0', 'reverse_charge', '20']]]);
    // Kinds taxed alike make one share: books and food are both at 7 % in Germany.
    const germanFood: TaxableItem = { ...food, key: 'food', taxBehavior: 'exclusive' };
    expect(split('DE', [book, germanFood, goods, shipping]).shares?.map((s) => [s.weightedBy, s.taxes])).toEqual([
      [['book', 'food'], [['DE', 'vat', '7', 'proportionally_rated']]],
      [['goods'], [['DE', 'vat', '19', 'proportionally_rated']]],
    ]);
    // Every kind taxed alike (books and goods both 25 % in Denmark): nothing to split, the goods' rate on the whole.
    expect(split('DK', [book, goods, shipping])).toEqual({ whole: [['DK', 'vat', '25', 'standard_rated']], shares: undefined });
    // One kind of goods, US states and Japan: no split.
    expect(split('DE', [book, book2, shipping]).shares).toBeUndefined();
    expect(split('US', [book, goods, shipping], {}, 'CA')).toEqual({
      whole: [['CA', 'sales_tax', '7.25', 'standard_rated']],
      shares: undefined,
    });
    expect(split('JP', [food, goods, shipping]).shares).toBeUndefined();
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
});
