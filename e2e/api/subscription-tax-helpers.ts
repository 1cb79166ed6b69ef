import type Stripe from 'stripe';
import { expect } from 'vitest';
import { SUCCESS_URL } from '../support/catalog';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { postPayForm } from './pay-without-javascript';

// The automatic-tax subscription suites' customer: subscribed on a session's page, on a test clock, so that a month
// can pass in a test.

export const START = Math.floor(Date.UTC(2031, 2, 3, 9) / 1000);
export const MONTH = 31 * 86_400;

type Address = Stripe.AddressParam & { country: string };

/**
 * A customer at `address` (on a fresh clock) subscribes on the session's page, without JavaScript, to `quantity` of
 * a monthly `unitAmount` euro plan of `product`, with `percentOff` off for ever if given, typing their address as
 * their billing address.
 */
export async function subscribeOnPage(
  stripe: Stripe,
  p: {
    address: Address;
    taxIds?: Stripe.CustomerCreateParams.TaxIdDatum[];
    product: { name: string; tax_code: string };
    unitAmount: number;
    quantity?: number;
    percentOff?: number;
  },
) {
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: START });
  const customer = await stripe.customers.create({
    email: 'jenny@example.com',
    address: p.address,
    test_clock: clock.id,
    ...(p.taxIds && { tax_id_data: p.taxIds }),
  });
  const product = await stripe.products.create(p.product);
  const price = await stripe.prices.create({
    product: product.id,
    unit_amount: p.unitAmount,
    currency: 'eur',
    recurring: { interval: 'month' },
  });
  const created = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    line_items: [{ price: price.id, quantity: p.quantity ?? 1 }],
    automatic_tax: { enabled: true },
    success_url: SUCCESS_URL,
    ...(p.percentOff && { discounts: [{ coupon: (await stripe.coupons.create({ percent_off: p.percentOff, duration: 'forever' })).id }] }),
  });
  const billing = {
    'billing.name': 'Jenny Rosen',
    'billing.line1': p.address.line1 ?? '1 Main Street',
    'billing.city': p.address.city ?? 'Town',
    'billing.postal_code': p.address.postal_code ?? '',
    'billing.country': p.address.country,
  };
  const paid = await postPayForm(defined(created.url, 'session.url'), {
    extra: billing,
    headers: { 'x-forwarded-for': randomClientAddress() },
  });
  expect(paid.status).toBe(303);
  const session = await stripe.checkout.sessions.retrieve(created.id);
  expect(session.status).toBe('complete');
  return {
    clock,
    customer,
    price,
    session,
    subscriptionId: defined(session.subscription as string | null, 'session.subscription'),
    firstInvoiceId: defined(session.invoice as string | null, 'session.invoice'),
  };
}

/** The renewal invoice a month on: the subscription's invoices other than its first. */
export async function renewal(stripe: Stripe, subscriptionId: string, firstInvoiceId: string) {
  const invoices = (await stripe.invoices.list({ subscription: subscriptionId })).data.filter((i) => i.id !== firstInvoiceId);
  expect(invoices).toHaveLength(1);
  return defined(invoices[0], 'the renewal invoice');
}
