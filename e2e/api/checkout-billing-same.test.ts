import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { shippedSession } from '../support/catalog';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { postPayForm } from './pay-without-javascript';

// "Billing address is same as shipping", posted as a browser without JavaScript posts the ticked box.

const SHIPPING = {
  'shipping.name': 'Jenny Rosen',
  'shipping.country': 'US',
  'shipping.line1': '510 Townsend St',
  'shipping.city': 'San Francisco',
  'shipping.state': 'California',
  'shipping.postal_code': '94103',
};

const pay = (session: Stripe.Checkout.Session, extra: Record<string, string>) =>
  postPayForm(defined(session.url, 'session.url'), { extra, headers: { 'x-forwarded-for': randomClientAddress() } });

describe('billing address same as shipping', () => {
  it('ticked: the billing details are the shipping address (the state typed by name kept as its code)', async () => {
    const { stripe } = await newMerchant();
    const session = await shippedSession(stripe, ['US']);
    expect((await pay(session, { ...SHIPPING, billing_same: 'true' })).status).toBe(303);
    const paid = await stripe.checkout.sessions.retrieve(session.id);
    const address = { line1: '510 Townsend St', city: 'San Francisco', state: 'CA', postal_code: '94103', country: 'US' };
    expect(paid.customer_details?.address).toMatchObject(address);
    expect(paid.collected_information?.shipping_details?.address).toMatchObject(address);
  });

  it('unticked: the billing country and postal code typed are the billing details', async () => {
    const { stripe } = await newMerchant();
    const session = await shippedSession(stripe, ['US']);
    expect((await pay(session, SHIPPING)).status).toBe(303);
    const paid = await stripe.checkout.sessions.retrieve(session.id);
    expect(paid.customer_details?.address).toMatchObject({ country: 'FR', postal_code: '75001' });
  });
});
