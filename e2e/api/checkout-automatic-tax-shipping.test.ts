import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { SUCCESS_URL } from '../support/catalog';
import { brief, taxMerchant } from './automatic-tax-helpers';

// Automatic tax on shipping through the official SDK: a German merchant ships goods to a German consumer, and the
// shipping is taxed at the rate of the goods it ships, split in proportion when they have several rates.

type Goods = { name: string; taxCode: string; amount: number };

/**
 * Goods (name, tax code, amount in cents) and a shipping rate for a consumer in Munich, on a session with automatic
 * tax; `optional`: goods offered as optional items, not chosen yet.
 */
async function shippedToMunich(goods: Goods[], shippingAmount: number, optional: Goods[] = []) {
  const stripe = await taxMerchant({ country: 'DE' }, [{ country: 'DE', country_options: { de: { type: 'standard' } } }]);
  const priceOf = async (g: Goods) => {
    const product = await stripe.products.create({ name: g.name, tax_code: g.taxCode });
    return (await stripe.prices.create({ product: product.id, unit_amount: g.amount, currency: 'eur' })).id;
  };
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = [];
  for (const g of goods) lineItems.push({ price: await priceOf(g), quantity: 1 });
  const optionalItems: Stripe.Checkout.SessionCreateParams.OptionalItem[] = [];
  for (const g of optional) optionalItems.push({ price: await priceOf(g), quantity: 1 });
  const customer = await stripe.customers.create({ address: { country: 'DE', postal_code: '80331' } });
  const rate = await stripe.shippingRates.create({
    display_name: 'DHL',
    type: 'fixed_amount',
    fixed_amount: { amount: shippingAmount, currency: 'eur' },
  });
  const created = await stripe.checkout.sessions.create({
    mode: 'payment',
    customer: customer.id,
    line_items: lineItems,
    ...(optionalItems.length ? { optional_items: optionalItems } : {}),
    shipping_options: [{ shipping_rate: rate.id }],
    automatic_tax: { enabled: true },
    success_url: SUCCESS_URL,
  });
  // The shipping's taxes appear when expanded, each with its Tax Rate, as with Stripe.
  const session = await stripe.checkout.sessions.retrieve(created.id, { expand: ['total_details.breakdown', 'shipping_cost.taxes'] });
  const shippingTaxes = session.shipping_cost?.taxes?.map((t) => [t.amount, t.taxable_amount, t.rate.percentage, t.taxability_reason]);
  return { created, session, rate, shippingTaxes };
}

const ATLAS = { name: 'Atlas', taxCode: 'txcd_35010000', amount: 3000 };
const LAMP = { name: 'Lamp', taxCode: 'txcd_99999999', amount: 1000 };

describe('automatic tax on shipping', () => {
  it('shipping books to a German consumer is taxed at the books’ reduced 7 %, not the standard 19 %', async () => {
    const { created, session, rate, shippingTaxes } = await shippedToMunich([ATLAS], 500);
    expect(created.shipping_cost).toEqual({ amount_subtotal: 500, amount_tax: 35, amount_total: 535, shipping_rate: rate.id });
    expect(shippingTaxes).toEqual([[35, 500, 7, 'reduced_rated']]);
    // 7 % of the book and of its shipping: one 7 % rate in the breakdown.
    expect(session.total_details?.breakdown?.taxes.map(brief)).toEqual([
      { amount: 245, jurisdiction: 'DE', percentage: 7, tax_type: 'vat', taxability_reason: 'reduced_rated' },
    ]);
    expect(session.amount_total).toBe(3745);
  });

  it('shipping a book and a lamp to a German consumer: the shipping is split between 7 % and 19 % in proportion (proportionally_rated)', async () => {
    const { created, session, rate, shippingTaxes } = await shippedToMunich([ATLAS, LAMP], 1000);
    // 3,000 of books and 1,000 of lamp: 750 of the shipping at 7 % (52.5 → 53), 250 at 19 % (47.5 → 48).
    expect(created.shipping_cost).toEqual({ amount_subtotal: 1000, amount_tax: 101, amount_total: 1101, shipping_rate: rate.id });
    expect(shippingTaxes).toEqual([
      [53, 750, 7, 'proportionally_rated'],
      [48, 250, 19, 'proportionally_rated'],
    ]);
    expect(session.total_details?.breakdown?.taxes.map(brief)).toEqual(
      expect.arrayContaining([
        { amount: 210, jurisdiction: 'DE', percentage: 7, tax_type: 'vat', taxability_reason: 'reduced_rated' },
        { amount: 190, jurisdiction: 'DE', percentage: 19, tax_type: 'vat', taxability_reason: 'standard_rated' },
        { amount: 53, jurisdiction: 'DE', percentage: 7, tax_type: 'vat', taxability_reason: 'proportionally_rated' },
        { amount: 48, jurisdiction: 'DE', percentage: 19, tax_type: 'vat', taxability_reason: 'proportionally_rated' },
      ]),
    );
    expect(session.total_details?.breakdown?.taxes).toHaveLength(4);
    expect([session.total_details?.amount_tax, session.amount_total]).toEqual([501, 5501]);
  });

  it('a lamp offered as an optional item and not chosen takes no part in the shipping: all of it at the book’s 7 %', async () => {
    const { created, session, shippingTaxes } = await shippedToMunich([ATLAS], 500, [LAMP]);
    expect(shippingTaxes).toEqual([[35, 500, 7, 'reduced_rated']]);
    expect(created.shipping_cost?.amount_tax).toBe(35);
    expect(session.total_details?.breakdown?.taxes.map(brief)).toEqual([
      { amount: 245, jurisdiction: 'DE', percentage: 7, tax_type: 'vat', taxability_reason: 'reduced_rated' },
    ]);
    expect(session.amount_total).toBe(3745);
  });
});
