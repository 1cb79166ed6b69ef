import { describe, expect, it } from 'vitest';
import { oneTimePrice } from '../support/catalog';
import { newMerchant, stripeError } from '../support/merchant';

/** Still accepted by the API (Stripe too), but gone from the SDK's create params since dynamic payment methods. */
const methodTypes = (types: string[]): object => ({ payment_method_types: types });

describe('checkout sessions with payment_method_types sepa_debit', () => {
  it('a merchant creates a euro session taking card and sepa_debit → both types are on the session', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe, 2500, 'eur');
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: 'https://shop.example/ok',
      ...methodTypes(['card', 'sepa_debit']),
    });
    expect(session.payment_method_types).toEqual(['card', 'sepa_debit']);
    expect(session.payment_status).toBe('unpaid');
  });

  it('a merchant asks for sepa_debit on a dollar session → 400 naming payment_method_types', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe, 2500, 'usd');
    const err = await stripeError(
      stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: 'https://shop.example/ok',
        ...methodTypes(['card', 'sepa_debit']),
      }),
    );
    expect(err).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param: 'payment_method_types' });
    expect(err.message).toMatch(/sepa_debit.*usd/);
  });

  it('a merchant asks for a payment method type Caisse does not have → 400 naming payment_method_types[0]', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe, 2500, 'eur');
    const err = await stripeError(
      stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: 'https://shop.example/ok',
        ...methodTypes(['ideal']),
      }),
    );
    expect(err).toMatchObject({ statusCode: 400, param: expect.stringMatching(/^payment_method_types/) as unknown });
  });
});
