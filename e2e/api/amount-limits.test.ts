import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { monthlyPrice, oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { newMerchant, stripeError } from '../support/merchant';
import { defined } from '../support/defined';

// Stripe charges at most 8 digits of minor units ($999,999.99) in most currencies, 12 in IDR.
const USD_MAX = 99_999_999;
const IDR_MAX = 999_999_999_999;

async function refusedAsTooLarge(call: Promise<unknown>, param: string, message?: RegExp) {
  const err = await stripeError(call);
  expect(err).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', code: 'amount_too_large', param });
  if (message) expect(err.message).toMatch(message);
  return err;
}

const payment = (line_items: Stripe.Checkout.SessionCreateParams.LineItem[], extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) => ({
  mode: 'payment' as const,
  line_items,
  success_url: SUCCESS_URL,
  ...extra,
});

describe('a session total above what the currency can be charged', () => {
  it('finding 5: total overflow on create: a total beyond 2^53 is a 400 amount_too_large naming the quantity, not a 500', async () => {
    const { stripe } = await newMerchant();
    const rupiah = { currency: 'idr', unit_amount: IDR_MAX, product_data: { name: 'Island' } };
    await refusedAsTooLarge(
      stripe.checkout.sessions.create(payment([{ price_data: rupiah, quantity: 999_999 }])),
      'line_items[0][quantity]',
      /total amount due must be no more than IDR\s9,999,999,999\.99/,
    );
    expect((await stripe.checkout.sessions.list()).data).toEqual([]);
  });

  it('a total one unit above the limit is refused, naming the line that crossed it; the limit itself is accepted', async () => {
    const { stripe } = await newMerchant();
    const half = await oneTimePrice(stripe, 50_000_000);
    const rest = await oneTimePrice(stripe, USD_MAX - 50_000_000);
    const ok = await stripe.checkout.sessions.create(
      payment([
        { price: half.id, quantity: 1 },
        { price: rest.id, quantity: 1 },
      ]),
    );
    expect(ok.amount_total).toBe(USD_MAX);
    await refusedAsTooLarge(
      stripe.checkout.sessions.create(
        payment([
          { price: rest.id, quantity: 1 },
          { price: half.id, quantity: 2 },
        ]),
      ),
      'line_items[1][quantity]',
      /must be no more than \$999,999\.99/,
    );
    // With a quantity of 1, it is the line's price that took the total over.
    const inline = await refusedAsTooLarge(
      stripe.checkout.sessions.create(
        payment([
          { price: rest.id, quantity: 1 },
          { price_data: { currency: 'usd', unit_amount: 60_000_000, product_data: { name: 'Boat' } }, quantity: 1 },
        ]),
      ),
      'line_items[1][price_data][unit_amount]',
    );
    expect(inline.message).toMatch(/total amount due/);
  });

  it('shipping that takes the total over names the shipping option', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe, USD_MAX);
    await refusedAsTooLarge(
      stripe.checkout.sessions.create(
        payment([{ price: price.id, quantity: 1 }], {
          shipping_options: [
            { shipping_rate_data: { display_name: 'Courier', type: 'fixed_amount', fixed_amount: { amount: 1, currency: 'usd' } } },
          ],
        }),
      ),
      'shipping_options[0]',
    );
  });

  it('a subscription whose later periods cost too much is refused, even when a trial makes today free', async () => {
    const { stripe } = await newMerchant();
    const plan = await monthlyPrice(stripe, 60_000_000);
    await refusedAsTooLarge(
      stripe.checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price: plan.id, quantity: 2 }],
        success_url: SUCCESS_URL,
        subscription_data: { trial_period_days: 7 },
      }),
      'line_items[0][quantity]',
      /each period must be no more than \$999,999\.99/,
    );
  });

  it('finding 5: total overflow on update: a quantity that takes the total over is refused and the session keeps its cart', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe, 10_000_000);
    const session = await stripe.checkout.sessions.create({ ...payment([{ price: price.id, quantity: 1 }]), expand: ['line_items'] });
    const lineId = defined(session.line_items, 'session.line_items').data[0].id;
    await refusedAsTooLarge(
      stripe.checkout.sessions.update(session.id, { line_items: [{ id: lineId, quantity: 999_999 }] }),
      'line_items[0][quantity]',
    );
    await refusedAsTooLarge(
      stripe.checkout.sessions.update(session.id, { line_items: [{ id: lineId }, { price: price.id, quantity: 10 }] }),
      'line_items[1][quantity]',
    );
    const after = await stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(after.amount_total).toBe(10_000_000);
    expect(defined(after.line_items, 'after.line_items').data.map((l) => l.quantity)).toEqual([1]);
  });

  it('quantities are bounded as Stripe bounds them (adjustable maximum up to 999999)', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe, 100);
    const session = await stripe.checkout.sessions.create({ ...payment([{ price: price.id, quantity: 1 }]), expand: ['line_items'] });
    const lineId = defined(session.line_items, 'session.line_items').data[0].id;
    const err = await stripeError(
      stripe.checkout.sessions.update(session.id, {
        line_items: [{ id: lineId, adjustable_quantity: { enabled: true, maximum: 1_000_000 } }],
      }),
    );
    expect(err).toMatchObject({ statusCode: 400, param: 'line_items[0][adjustable_quantity][maximum]' });
    const qty = await stripeError(stripe.checkout.sessions.create(payment([{ price: price.id, quantity: 1_000_000 }])));
    expect(qty).toMatchObject({ statusCode: 400, param: 'line_items[0][quantity]' });
  });
});

describe('every amount Stripe caps is refused above the currency limit', () => {
  it('price unit_amount, unit_amount_decimal and currency_options', async () => {
    const { stripe } = await newMerchant();
    const product = await stripe.products.create({ name: 'Yacht' });
    expect((await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: USD_MAX })).unit_amount).toBe(USD_MAX);
    expect((await stripe.prices.create({ product: product.id, currency: 'idr', unit_amount: IDR_MAX })).unit_amount).toBe(IDR_MAX);
    await refusedAsTooLarge(
      stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: USD_MAX + 1 }),
      'unit_amount',
      /no more than \$999,999\.99/,
    );
    await refusedAsTooLarge(
      stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: USD_MAX + 1 }),
      'unit_amount',
      /¥99,999,999/,
    );
    await refusedAsTooLarge(
      stripe.prices.create({ product: product.id, currency: 'usd', unit_amount_decimal: '99999999.5' as never }),
      'unit_amount',
    );
    await refusedAsTooLarge(
      stripe.prices.create({
        product: product.id,
        currency: 'usd',
        unit_amount: 100,
        currency_options: { eur: { unit_amount: USD_MAX + 1 } },
      }),
      'currency_options[eur][unit_amount]',
    );
    const price = await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 100 });
    await refusedAsTooLarge(
      stripe.prices.update(price.id, { currency_options: { eur: { unit_amount: USD_MAX + 1 } } }),
      'currency_options[eur][unit_amount]',
    );
    await refusedAsTooLarge(
      stripe.products.create({ name: 'Villa', default_price_data: { currency: 'usd', unit_amount: USD_MAX + 1 } }),
      'default_price_data[unit_amount]',
    );
  });

  it('price_data in a session', async () => {
    const { stripe } = await newMerchant();
    await refusedAsTooLarge(
      stripe.checkout.sessions.create(
        payment([{ price_data: { currency: 'eur', unit_amount: USD_MAX + 1, product_data: { name: 'Jet' } }, quantity: 1 }]),
      ),
      'line_items[0][price_data][unit_amount]',
    );
  });

  it('shipping rate amounts, on their own and inline in a session', async () => {
    const { stripe } = await newMerchant();
    const rate = (amount: number, options?: Record<string, { amount: number }>) =>
      stripe.shippingRates.create({
        display_name: 'Freight',
        type: 'fixed_amount',
        fixed_amount: { amount, currency: 'usd', ...(options && { currency_options: options }) },
      });
    expect((await rate(USD_MAX)).fixed_amount?.amount).toBe(USD_MAX);
    await refusedAsTooLarge(rate(USD_MAX + 1), 'fixed_amount[amount]');
    await refusedAsTooLarge(rate(100, { eur: { amount: USD_MAX + 1 } }), 'fixed_amount[currency_options][eur][amount]');
    const created = await rate(100);
    await refusedAsTooLarge(
      stripe.shippingRates.update(created.id, { fixed_amount: { currency_options: { eur: { amount: USD_MAX + 1 } } } }),
      'fixed_amount[currency_options][eur][amount]',
    );
    const price = await oneTimePrice(stripe, 100);
    await refusedAsTooLarge(
      stripe.checkout.sessions.create(
        payment([{ price: price.id, quantity: 1 }], {
          shipping_options: [
            {
              shipping_rate_data: { display_name: 'Freight', type: 'fixed_amount', fixed_amount: { amount: USD_MAX + 1, currency: 'usd' } },
            },
          ],
        }),
      ),
      'shipping_options[0][shipping_rate_data][fixed_amount][amount]',
    );
  });

  it('coupon amount_off and its currency_options', async () => {
    const { stripe } = await newMerchant();
    expect((await stripe.coupons.create({ amount_off: USD_MAX, currency: 'usd' })).amount_off).toBe(USD_MAX);
    await refusedAsTooLarge(stripe.coupons.create({ amount_off: USD_MAX + 1, currency: 'usd' }), 'amount_off');
    await refusedAsTooLarge(
      stripe.coupons.create({ amount_off: 100, currency: 'usd', currency_options: { eur: { amount_off: USD_MAX + 1 } } }),
      'currency_options[eur][amount_off]',
    );
  });
});
