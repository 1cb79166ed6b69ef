import { describe, expect, it } from 'vitest';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { newMerchant } from '../support/merchant';
import { defined } from '../support/defined';

describe('creating checkout sessions through the official SDK: line items, tax, discounts and shipping → totals', () => {
  it('inline price_data and product_data → a priced line with the new product', async () => {
    const { stripe } = await newMerchant();
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        { price_data: { currency: 'eur', unit_amount: 1999, product_data: { name: 'Poster', description: 'A2, matte' } }, quantity: 3 },
      ],
      success_url: SUCCESS_URL,
      expand: ['line_items', 'line_items.data.price.product'],
    });
    expect(session.amount_total).toBe(5997);
    const line = defined(session.line_items, 'session.line_items').data[0];
    expect(line).toMatchObject({
      object: 'item',
      quantity: 3,
      amount_subtotal: 5997,
      amount_total: 5997,
      currency: 'eur',
      description: 'Poster',
    });
    expect(line.price).toMatchObject({ unit_amount: 1999, currency: 'eur', type: 'one_time', active: false });
    expect((defined(line.price, 'line.price').product as { name: string }).name).toBe('Poster');
    // Inline prices are not in the price list.
    expect((await stripe.prices.list()).data).toEqual([]);
  });

  it('tax rates and a coupon → totals, per-line amounts and the expanded breakdown agree', async () => {
    const { stripe } = await newMerchant();
    const shirt = await oneTimePrice(stripe, 2000, 'eur', 'Shirt');
    const mug = await oneTimePrice(stripe, 1000, 'eur', 'Mug');
    const vat = await stripe.taxRates.create({ display_name: 'VAT', percentage: 20, inclusive: true });
    const sales = await stripe.taxRates.create({ display_name: 'Sales tax', percentage: 10, inclusive: false });
    const coupon = await stripe.coupons.create({ percent_off: 10, duration: 'once' });
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        { price: shirt.id, quantity: 1, tax_rates: [vat.id] },
        { price: mug.id, quantity: 2, tax_rates: [sales.id] },
      ],
      discounts: [{ coupon: coupon.id }],
      success_url: SUCCESS_URL,
      expand: ['line_items', 'total_details.breakdown'],
    });
    // Shirt: 2000 − 200 discount = 1800 incl. 20% VAT → 300 tax. Mug: 2000 − 200 = 1800 + 10% = 180 tax.
    expect(session.amount_subtotal).toBe(4000);
    expect(session.total_details).toMatchObject({ amount_discount: 400, amount_tax: 480, amount_shipping: 0 });
    expect(session.amount_total).toBe(4000 - 400 + 180);
    const [shirtLine, mugLine] = defined(session.line_items, 'session.line_items').data;
    expect(shirtLine).toMatchObject({ amount_subtotal: 2000, amount_discount: 200, amount_tax: 300, amount_total: 1800 });
    expect(mugLine).toMatchObject({ amount_subtotal: 2000, amount_discount: 200, amount_tax: 180, amount_total: 1980 });
    expect(defined(shirtLine.taxes, 'shirtLine.taxes')[0]).toMatchObject({
      amount: 300,
      rate: { id: vat.id, object: 'tax_rate', percentage: 20 },
    });
    const breakdown = defined(defined(session.total_details, 'session.total_details').breakdown, 'session.total_details.breakdown');
    expect(breakdown.taxes.map((t) => [t.rate.id, t.amount])).toEqual([
      [vat.id, 300],
      [sales.id, 180],
    ]);
    expect(breakdown.discounts).toHaveLength(1);
    expect(breakdown.discounts[0].amount).toBe(400);
    expect(breakdown.discounts[0].discount).toMatchObject({
      object: 'discount',
      checkout_session: session.id,
      source: { coupon: coupon.id, type: 'coupon' },
    });
    expect(session.discounts).toEqual([{ coupon: coupon.id, promotion_code: null }]);
  });

  it('shipping options → the first is selected and added to the total', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe, 3000);
    const express = await stripe.shippingRates.create({
      display_name: 'Express',
      type: 'fixed_amount',
      fixed_amount: { amount: 1500, currency: 'usd' },
    });
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      shipping_address_collection: { allowed_countries: ['US', 'CA'] },
      shipping_options: [
        {
          shipping_rate_data: {
            display_name: 'Standard',
            type: 'fixed_amount',
            fixed_amount: { amount: 500, currency: 'usd' },
            delivery_estimate: { minimum: { unit: 'business_day', value: 3 }, maximum: { unit: 'business_day', value: 5 } },
          },
        },
        { shipping_rate: express.id },
      ],
      success_url: SUCCESS_URL,
      expand: ['shipping_cost.shipping_rate'],
    });
    expect(session.shipping_options.map((o) => o.shipping_amount)).toEqual([500, 1500]);
    expect(session.shipping_options[1].shipping_rate).toBe(express.id);
    expect(session.shipping_cost).toMatchObject({ amount_subtotal: 500, amount_tax: 0, amount_total: 500 });
    expect((defined(session.shipping_cost, 'session.shipping_cost').shipping_rate as { display_name: string }).display_name).toBe(
      'Standard',
    );
    expect(defined(session.total_details, 'session.total_details').amount_shipping).toBe(500);
    expect(session.amount_total).toBe(3500);
    expect(session.shipping_address_collection).toEqual({ allowed_countries: ['US', 'CA'] });
  });
});
