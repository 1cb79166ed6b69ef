import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { newMerchant, stripeError } from '../support/merchant';
import { form, invalid } from './raw-api';

type Params = Stripe.Checkout.SessionCreateParams;

const EMPTY = (param: string) =>
  `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`;

describe("error codes are Stripe's own", () => {
  it('parameters Caisse does not implement → 400 parameter_unknown naming them (was parameter_not_supported)', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe);
    const line = [{ price: price.id, quantity: 1 }];
    const cases: [Params, string, RegExp][] = [
      [
        { mode: 'payment', line_items: line, success_url: SUCCESS_URL, permissions: { update_shipping_details: 'server_only' } },
        'permissions',
        /^permissions is not supported by Caisse\.$/,
      ],
      [{ mode: 'payment', ui_mode: 'elements', line_items: line }, 'ui_mode', /^ui_mode=elements is not supported by Caisse\.$/],
      [
        { mode: 'payment', line_items: line, success_url: SUCCESS_URL, invoice_creation: { enabled: true } },
        'invoice_creation[enabled]',
        /^Invoice creation is not supported/,
      ],
      [
        {
          mode: 'payment',
          line_items: line,
          success_url: SUCCESS_URL,
          invoice_creation: { enabled: false, invoice_data: { footer: 'Thanks' } },
        },
        'invoice_creation[invoice_data]',
        /invoice_data cannot be set/,
      ],
    ];
    for (const [params, param, message] of cases) {
      const err = await stripeError(stripe.checkout.sessions.create(params));
      expect({ status: err.statusCode, code: err.code, param: err.param }, param).toEqual({
        status: 400,
        code: 'parameter_unknown',
        param,
      });
      expect(err.message).toMatch(message);
    }
    const tiers = await stripeError(
      stripe.prices.create({ currency: 'usd', product: price.product as string, tiers: [{ up_to: 'inf', unit_amount: 1 }] } as never),
    );
    expect(tiers).toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'tiers',
      message: expect.stringMatching(/not supported/) as unknown,
    });
  });

  it("expiring a session that is not open → Stripe's message and no code (was checkout_session_not_open)", async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe);
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: SUCCESS_URL,
    });
    await stripe.checkout.sessions.expire(session.id);
    const err = await stripeError(stripe.checkout.sessions.expire(session.id));
    expect({ status: err.statusCode, type: err.type, code: err.code, message: err.message }).toEqual({
      status: 400,
      type: 'StripeInvalidRequestError',
      code: undefined,
      message: 'Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of `expired`.',
    });
  });

  it('bad values → the specific code Stripe gives, or none (never parameter_invalid)', async () => {
    const m = await newMerchant();
    const price = await oneTimePrice(m.stripe);
    const session = `mode=payment&line_items[0][price]=${price.id}&success_url=${encodeURIComponent(SUCCESS_URL)}`;
    const cases: [string, string, object][] = [
      ['/v1/products', 'name=', invalid(EMPTY('name'), 'name', 'parameter_invalid_empty')],
      [
        '/v1/checkout/sessions',
        `${session}&line_items[0][quantity]=`,
        invalid(EMPTY('line_items[0][quantity]'), 'line_items[0][quantity]', 'parameter_invalid_empty'),
      ],
      [
        '/v1/checkout/sessions',
        `${session}&line_items[0][quantity]=two`,
        invalid('Invalid integer: two (line_items[0][quantity]).', 'line_items[0][quantity]', 'parameter_invalid_integer'),
      ],
      [
        '/v1/checkout/sessions',
        `${session}&line_items[0][quantity]=1&cancel_url=nope`,
        invalid('Not a valid URL (cancel_url).', 'cancel_url', 'url_invalid'),
      ],
      [
        '/v1/checkout/sessions',
        `${session}&line_items[0][quantity]=1&customer_email=nobody`,
        invalid('Invalid email address (customer_email).', 'customer_email', 'email_invalid'),
      ],
      [
        '/v1/checkout/sessions',
        `${session}&line_items[0][quantity]=1&customer=cus_x&customer_email=a@b.c`,
        invalid('You may only specify one of these parameters: customer, customer_email.', 'customer_email', 'parameters_exclusive'),
      ],
      ['/v1/customers', 'email=nobody', invalid('Invalid email address (email).', 'email', 'email_invalid')],
      ['/v1/products', 'name=x&active=maybe', invalid('Invalid boolean: maybe (active).', 'active')],
      ['/v1/products', `name=${'n'.repeat(251)}`, invalid('Must be at most 250 characters (name).', 'name')],
      [
        '/v1/coupons',
        'percent_off=10&amount_off=5&currency=usd',
        invalid('You may only specify one of these parameters: amount_off, percent_off.', 'amount_off', 'parameters_exclusive'),
      ],
    ];
    for (const [path, body, expected] of cases)
      expect({ path, body, reply: await form(m, path, body) }).toEqual({ path, body, reply: { status: 400, body: expected } });
    const listed = await stripeError(m.stripe.products.list({ starting_after: 'prod_a', ending_before: 'prod_b' }));
    expect(listed).toMatchObject({
      statusCode: 400,
      code: 'parameters_exclusive',
      message: 'You may only specify one of these parameters: ending_before, starting_after.',
    });
  });
});
