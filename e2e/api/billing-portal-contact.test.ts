import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant } from '../support/merchant';
import { portalResult } from './portal-forms';

// The portal page's contact and billing details (features.customer_update), posted as a browser without
// JavaScript posts them, read back through the official SDK.

async function portalFor(stripe: Stripe, allowed: Stripe.BillingPortal.ConfigurationCreateParams.Features.CustomerUpdate.AllowedUpdate[]) {
  const customer = await stripe.customers.create({ name: 'Jenny Rosen', email: 'jenny@example.com', phone: '+33 1 23 45 67 89' });
  const configuration = await stripe.billingPortal.configurations.create({
    features: { customer_update: { enabled: true, allowed_updates: allowed }, invoice_history: { enabled: true } },
  });
  const { url } = await stripe.billingPortal.sessions.create({ customer: customer.id, configuration: configuration.id });
  return { customer, url };
}

/** Posts the contact form of the page at `url` with `fields` typed in; answers the page's result. */
const saveContact = (url: string, fields: Record<string, string>) => portalResult(url, 'data-testid="portal-contact-form"', fields);

describe('the customer portal’s contact and billing details', () => {
  it('the allowed fields change as POST /v1/customers/:id changes them, with customer.updated; others posted are ignored', async () => {
    const { stripe } = await newMerchant('Portal Contact Shop');
    const { customer, url } = await portalFor(stripe, ['name', 'email', 'address']);
    const page = await (await fetch(url)).text();
    expect(page).toContain('name="address_line1"');
    expect(page).not.toContain('name="phone"');
    const result = await saveContact(url, {
      name: 'Jenny Rosen-Martin',
      email: 'jenny.martin@example.com',
      phone: '+44 20 7946 0000',
      address_line1: '12 rue de Rivoli',
      address_city: 'Paris',
      address_postal_code: '75001',
      address_country: 'FR',
    });
    expect(result).toBe('done');
    const after = await stripe.customers.retrieve(customer.id);
    expect(after).toMatchObject({
      name: 'Jenny Rosen-Martin',
      email: 'jenny.martin@example.com',
      phone: '+33 1 23 45 67 89',
      address: { line1: '12 rue de Rivoli', city: 'Paris', postal_code: '75001', country: 'FR', line2: null, state: null },
    });
    const events = await stripe.events.list({ type: 'customer.updated' });
    expect(events.data.some((e) => (e.data.object as Stripe.Customer).id === customer.id)).toBe(true);
  });

  it('a value the API refuses (a malformed email, an unknown country) is "refused" and changes nothing; without the feature there is no form', async () => {
    const { stripe } = await newMerchant('Portal Contact Shop');
    const { customer, url } = await portalFor(stripe, ['email', 'address']);
    expect(await saveContact(url, { email: 'not an email' })).toBe('refused');
    expect(await saveContact(url, { email: 'jenny@example.com', address_country: 'XX' })).toBe('refused');
    expect(await stripe.customers.retrieve(customer.id)).toMatchObject({ email: 'jenny@example.com', address: null });

    const other = await stripe.customers.create({ name: 'Ada' });
    const plain = await stripe.billingPortal.configurations.create({ features: { invoice_history: { enabled: true } } });
    const session = await stripe.billingPortal.sessions.create({ customer: other.id, configuration: plain.id });
    const html = await (await fetch(session.url)).text();
    expect(html).toContain('data-testid="portal-contact"');
    expect(html).not.toContain('data-testid="portal-contact-form"');
  });
});
