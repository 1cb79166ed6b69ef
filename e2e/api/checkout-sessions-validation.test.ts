import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { monthlyPrice, oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { newMerchant, stripeError } from '../support/merchant';

type Params = Stripe.Checkout.SessionCreateParams;

describe('checkout session parameters Stripe refuses are refused, by name', () => {
  it('each broken rule → a 400 naming the parameter, and nothing is created', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe);
    const eur = await oneTimePrice(stripe, 1000, 'eur');
    const monthly = await monthlyPrice(stripe);
    const vat = await stripe.taxRates.create({ display_name: 'VAT', percentage: 20, inclusive: false });
    const line = [{ price: price.id, quantity: 1 }];
    const cases: [string, Params, string, RegExp?][] = [
      ['mode missing', { line_items: line, success_url: SUCCESS_URL }, 'mode', /Missing required param: mode/],
      ['no line items in payment mode', { mode: 'payment', success_url: SUCCESS_URL }, 'line_items'],
      [
        'recurring price in payment mode',
        { mode: 'payment', line_items: [{ price: monthly.id, quantity: 1 }], success_url: SUCCESS_URL },
        'line_items[0][price]',
        /recurring price/,
      ],
      [
        'no recurring price in subscription mode',
        { mode: 'subscription', line_items: line, success_url: SUCCESS_URL },
        'line_items',
        /recurring/,
      ],
      [
        'currencies disagree',
        { mode: 'payment', line_items: [...line, { price: eur.id, quantity: 1 }], success_url: SUCCESS_URL },
        'line_items[1][price]',
        /currency/,
      ],
      [
        'unknown price',
        { mode: 'payment', line_items: [{ price: 'price_nope', quantity: 1 }], success_url: SUCCESS_URL },
        'line_items[0][price]',
        /No such price/,
      ],
      ['quantity missing', { mode: 'payment', line_items: [{ price: price.id }], success_url: SUCCESS_URL }, 'line_items[0][quantity]'],
      [
        'price and price_data',
        {
          mode: 'payment',
          line_items: [{ price: price.id, price_data: { currency: 'usd', unit_amount: 1, product_data: { name: 'x' } }, quantity: 1 }],
          success_url: SUCCESS_URL,
        },
        'line_items[0][price]',
      ],
      [
        'success_url with embedded',
        { mode: 'payment', ui_mode: 'embedded_page', line_items: line, success_url: SUCCESS_URL },
        'success_url',
      ],
      ['embedded without return_url', { mode: 'payment', ui_mode: 'embedded_page', line_items: line }, 'return_url'],
      ['return_url on a hosted session', { mode: 'payment', line_items: line, return_url: SUCCESS_URL }, 'return_url'],
      [
        'customer and customer_email',
        { mode: 'payment', line_items: line, success_url: SUCCESS_URL, customer: 'cus_x', customer_email: 'a@b.c' },
        'customer_email',
      ],
      [
        'discounts with allow_promotion_codes',
        { mode: 'payment', line_items: line, success_url: SUCCESS_URL, allow_promotion_codes: true, discounts: [{ coupon: 'X' }] },
        'discounts',
      ],
      [
        'six shipping options',
        {
          mode: 'payment',
          line_items: line,
          success_url: SUCCESS_URL,
          shipping_options: Array.from({ length: 6 }, () => ({ shipping_rate: 'shr_x' })),
        },
        'shipping_options',
      ],
      [
        'four custom fields',
        {
          mode: 'payment',
          line_items: line,
          success_url: SUCCESS_URL,
          custom_fields: ['a', 'b', 'c', 'd'].map((key) => ({
            key,
            label: { type: 'custom' as const, custom: key },
            type: 'text' as const,
          })),
        },
        'custom_fields',
      ],
      [
        'quantity outside adjustable bounds',
        {
          mode: 'payment',
          line_items: [{ price: price.id, quantity: 9, adjustable_quantity: { enabled: true, minimum: 1, maximum: 5 } }],
          success_url: SUCCESS_URL,
        },
        'line_items[0][quantity]',
      ],
      [
        'the same tax rate twice on a line',
        { mode: 'payment', line_items: [{ price: price.id, quantity: 1, tax_rates: [vat.id, vat.id] }], success_url: SUCCESS_URL },
        'line_items[0][tax_rates][1]',
        /given more than once/,
      ],
      [
        'the same default tax rate twice',
        {
          mode: 'subscription',
          line_items: [{ price: monthly.id, quantity: 1 }],
          success_url: SUCCESS_URL,
          subscription_data: { default_tax_rates: [vat.id, vat.id] },
        },
        'subscription_data[default_tax_rates][1]',
        /given more than once/,
      ],
      ['invalid url', { mode: 'payment', line_items: line, success_url: 'not a url' }, 'success_url'],
      ['unsupported ui_mode', { mode: 'payment', ui_mode: 'elements', line_items: line }, 'ui_mode', /not supported/],
      [
        'unsupported parameter',
        { mode: 'payment', line_items: line, success_url: SUCCESS_URL, permissions: { update_shipping_details: 'server_only' } },
        'permissions',
        /permissions is not supported/,
      ],
      ['unknown locale', { mode: 'payment', line_items: line, success_url: SUCCESS_URL, locale: 'xx' }, 'locale'],
      [
        'unknown coupon',
        { mode: 'payment', line_items: line, success_url: SUCCESS_URL, discounts: [{ coupon: 'NOPE' }] },
        'discounts[0][coupon]',
        /No such coupon/,
      ],
      [
        'unknown customer',
        { mode: 'payment', line_items: line, success_url: SUCCESS_URL, customer: 'cus_missing' },
        'customer',
        /No such customer/,
      ],
      [
        'payment_intent_data in subscription mode',
        {
          mode: 'subscription',
          line_items: [{ price: monthly.id, quantity: 1 }],
          success_url: SUCCESS_URL,
          payment_intent_data: { description: 'x' },
        },
        'payment_intent_data',
      ],
      [
        'unknown nested parameter',
        { mode: 'payment', line_items: [{ price: price.id, quantity: 1, colour: 'red' } as never], success_url: SUCCESS_URL },
        'line_items[0][colour]',
        /Received unknown parameter: line_items\[0\]\[colour\]/,
      ],
    ];
    for (const [name, params, param, message] of cases) {
      const err = await stripeError(stripe.checkout.sessions.create(params));
      expect(err.statusCode, name).toBe(400);
      expect(err.type, name).toBe('StripeInvalidRequestError');
      expect(err.param, name).toBe(param);
      if (message) expect(err.message, name).toMatch(message);
    }
    expect((await stripe.checkout.sessions.list()).data).toEqual([]);
  });

  it("another merchant's price, tax rate or shipping rate cannot be used", async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const price = await oneTimePrice(a.stripe);
    const rate = await a.stripe.taxRates.create({ display_name: 'VAT', percentage: 20, inclusive: false });
    const own = await oneTimePrice(b.stripe);
    const err = await stripeError(
      b.stripe.checkout.sessions.create({ mode: 'payment', line_items: [{ price: price.id, quantity: 1 }], success_url: SUCCESS_URL }),
    );
    expect(err).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'line_items[0][price]' });
    const taxErr = await stripeError(
      b.stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price: own.id, quantity: 1, tax_rates: [rate.id] }],
        success_url: SUCCESS_URL,
      }),
    );
    expect(taxErr).toMatchObject({ code: 'resource_missing', param: 'line_items[0][tax_rates][0]' });
  });
});
