import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { shippedSession } from '../support/catalog';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { postPayForm } from './pay-without-javascript';

// "Use this shipping method" as a browser without JavaScript posts it: the pay form with intent=update_shipping.

const rate = (name: string, amount: number) => ({
  shipping_rate_data: { display_name: name, type: 'fixed_amount' as const, fixed_amount: { amount, currency: 'eur' } },
});

const banner = (html: string) => /data-testid="payment-error"[^>]*>([^<]*)</.exec(html)?.[1] ?? null;

const choose = (session: Stripe.Checkout.Session, shippingRate: string) =>
  postPayForm(defined(session.url, 'session.url'), {
    extra: { intent: 'update_shipping', shipping_rate: shippingRate },
    headers: { 'x-forwarded-for': randomClientAddress() },
  });

describe('choosing a shipping method without JavaScript', () => {
  it('an offered rate is chosen and priced, with no message; one the session does not offer is refused in words', async () => {
    const { stripe } = await newMerchant();
    const session = await shippedSession(stripe, ['FR'], [rate('Standard', 500), rate('Express', 1500)]);
    const express = defined(session.shipping_options[1], 'the second option').shipping_rate;
    if (typeof express !== 'string') throw new Error('shipping_rate is an id unless expanded');

    const chosen = await choose(session, express);
    expect([chosen.status, banner(chosen.html)]).toEqual([200, null]);
    const priced = await stripe.checkout.sessions.retrieve(session.id);
    expect([priced.shipping_cost?.shipping_rate, priced.amount_total]).toEqual([express, 4000]);

    const forged = await choose(session, 'shr_not_offered');
    expect([forged.status, banner(forged.html)]).toEqual([200, 'That item is no longer available.']);
    const unchanged = await stripe.checkout.sessions.retrieve(session.id);
    expect([unchanged.shipping_cost?.shipping_rate, unchanged.amount_total]).toEqual([express, 4000]);
  });
});
