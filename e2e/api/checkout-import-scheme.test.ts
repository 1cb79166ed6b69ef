import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { SUCCESS_URL } from '../support/catalog';
import { brief, iossMerchant } from './automatic-tax-helpers';

// The EU's import scheme (IOSS) through the official SDK: a merchant in the United States, registered for it in
// Ireland, sells lamps to a consumer in Berlin. A consignment worth €150 at most pays German VAT at checkout; a dearer
// one is taxed at the border (not_collecting), its value counted after discounts.

/** Lamps for a consumer in Berlin from a new merchant; `more`: what else the session is made with, from its `stripe`. */
async function lampsToBerlin(
  unitAmount: number,
  quantity: number,
  more: (stripe: Stripe) => Promise<Partial<Stripe.Checkout.SessionCreateParams>> = () => Promise.resolve({}),
) {
  const stripe = await iossMerchant();
  const product = await stripe.products.create({ name: 'Lamp', tax_code: 'txcd_99999999' });
  const price = await stripe.prices.create({ product: product.id, unit_amount: unitAmount, currency: 'eur' });
  const customer = await stripe.customers.create({ address: { country: 'DE', postal_code: '10115' } });
  const created = await stripe.checkout.sessions.create({
    mode: 'payment',
    customer: customer.id,
    line_items: [{ price: price.id, quantity }],
    automatic_tax: { enabled: true },
    success_url: SUCCESS_URL,
    ...(await more(stripe)),
  });
  return { stripe, session: await expanded(stripe, created.id) };
}

const expanded = (stripe: Stripe, id: string) => stripe.checkout.sessions.retrieve(id, { expand: ['total_details.breakdown'] });
const taxes = (session: Stripe.Checkout.Session) => session.total_details?.breakdown?.taxes.map(brief);

describe('automatic tax under the EU’s import scheme', () => {
  it('charges German VAT on a €150 consignment, none on one of €150.01 (taxed at the border)', async () => {
    const { session: within } = await lampsToBerlin(7500, 2);
    expect(taxes(within)).toEqual([
      { amount: 2850, jurisdiction: 'DE', percentage: 19, tax_type: 'vat', taxability_reason: 'standard_rated' },
    ]);
    expect(within.amount_total).toBe(17_850);
    const { session: over } = await lampsToBerlin(15_001, 1);
    expect(taxes(over)).toEqual([{ amount: 0, jurisdiction: 'DE', percentage: 19, tax_type: 'vat', taxability_reason: 'not_collecting' }]);
    expect(over.amount_total).toBe(15_001);
  });

  it('weighs the consignment after its discount: €200 of lamps at half price are covered', async () => {
    const { session } = await lampsToBerlin(10_000, 2, async (stripe) => ({
      discounts: [{ coupon: (await stripe.coupons.create({ percent_off: 50, duration: 'once' })).id }],
    }));
    expect(taxes(session)).toEqual([
      { amount: 1900, jurisdiction: 'DE', percentage: 19, tax_type: 'vat', taxability_reason: 'standard_rated' },
    ]);
    expect(session.amount_total).toBe(11_900);
  });

  it('re-weighs the consignment when the cart changes: a third lamp takes it past €150', async () => {
    const { stripe, session } = await lampsToBerlin(6000, 2);
    expect(taxes(session)?.map((t) => [t.amount, t.taxability_reason])).toEqual([[2280, 'standard_rated']]);
    const item = (await stripe.checkout.sessions.listLineItems(session.id)).data[0];
    await stripe.checkout.sessions.update(session.id, { line_items: [{ id: item.id, quantity: 3 }] });
    const updated = await expanded(stripe, session.id);
    expect(taxes(updated)?.map((t) => [t.amount, t.taxability_reason])).toEqual([[0, 'not_collecting']]);
    expect(updated.amount_total).toBe(18_000);
  });
});
