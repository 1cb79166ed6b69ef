import { describe, expect, it } from 'vitest';
import { oneTimePrice } from '../support/catalog';
import { newMerchant, stripeError } from '../support/merchant';

describe('allowed redirect domains', () => {
  it('a redirect URL outside a non-empty list → 400 invalid_request_error naming the parameter, nothing created', async () => {
    const { stripe } = await newMerchant('Strict Shop', { allowedRedirectDomains: ['shop.example.com', '*.example.org'] });
    const price = await oneTimePrice(stripe);
    const line_items = [{ price: price.id, quantity: 1 }];

    const success = await stripeError(
      stripe.checkout.sessions.create({ mode: 'payment', line_items, success_url: 'https://evil.test/paid' }),
    );
    expect(success).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param: 'success_url' });
    expect(success.message).toMatch(/evil\.test/);

    const cancel = await stripeError(
      stripe.checkout.sessions.create({
        mode: 'payment',
        line_items,
        success_url: 'https://shop.example.com/ok',
        cancel_url: 'https://example.org/cart',
      }),
    );
    expect(cancel).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param: 'cancel_url' });

    const lookalike = await stripeError(
      stripe.checkout.sessions.create({ mode: 'payment', line_items, success_url: 'https://shop.example.com.evil.test/ok' }),
    );
    expect(lookalike).toMatchObject({ statusCode: 400, param: 'success_url' });

    const embedded = await stripeError(
      stripe.checkout.sessions.create({
        mode: 'payment',
        ui_mode: 'embedded_page',
        line_items,
        return_url: 'https://elsewhere.test/return',
      }),
    );
    expect(embedded).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param: 'return_url' });

    expect((await stripe.checkout.sessions.list()).data).toEqual([]);
  });

  it('redirect URLs on listed hosts (or their wildcard subdomains) → the session is created', async () => {
    const { stripe } = await newMerchant('Strict Shop', { allowedRedirectDomains: ['shop.example.com', '*.example.org'] });
    const price = await oneTimePrice(stripe);
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: 'https://shop.example.com/ok?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://eu.store.example.org:8443/cart',
    });
    expect(session.url).toMatch(/\/c\/cs_test_/);
    expect(session.success_url).toBe('https://shop.example.com/ok?session_id={CHECKOUT_SESSION_ID}');

    const embedded = await stripe.checkout.sessions.create({
      mode: 'payment',
      ui_mode: 'embedded_page',
      line_items: [{ price: price.id, quantity: 1 }],
      return_url: 'https://a.example.org/r',
    });
    expect(embedded.client_secret).toBeTruthy();
  });

  it('an account with no list → any redirect host is accepted', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe);
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: 'https://anywhere.test/ok',
    });
    expect(session.status).toBe('open');
  });
});
