import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { postPayForm } from './pay-without-javascript';

// "I’m purchasing as a business" (tax_id_collection), posted as a browser without JavaScript does: the server
// checks the number against its country's format and check digits and answers with the page's own message.

const GERMAN_BUYER = { 'billing.country': 'DE', 'billing.postal_code': '10115' };
const business = (value: string, name = 'Muster GmbH') => ({
  ...GERMAN_BUYER,
  'tax_id.business': 'true',
  'tax_id.business_name': name,
  'tax_id.value': value,
});

async function sessionWithTaxIds(
  stripe: Stripe,
  taxIdCollection: Stripe.Checkout.SessionCreateParams.TaxIdCollection,
  more: Partial<Stripe.Checkout.SessionCreateParams> = {},
) {
  const price = await oneTimePrice(stripe, 5000, 'eur');
  return stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: SUCCESS_URL,
    tax_id_collection: taxIdCollection,
    ...more,
  });
}

const pay = (session: Stripe.Checkout.Session, extra: Record<string, string>) =>
  postPayForm(defined(session.url, 'session.url'), { extra, headers: { 'x-forwarded-for': randomClientAddress() } });

describe('tax ID collection on the hosted page', () => {
  it('a wrong check digit → the page says the tax ID is not valid and nothing is charged; the right number → customer_details.tax_ids as eu_vat', async () => {
    const { stripe } = await newMerchant();
    const session = await sessionWithTaxIds(stripe, { enabled: true });

    const refused = await pay(session, business('DE136695978'));
    expect(refused.status).toBe(200);
    expect(refused.html).toContain('This tax ID is not valid. Check its format and digits.');
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    // Typed as people type it: spaces, no country prefix.
    const paid = await pay(session, business('136 695 976'));
    expect(paid.status).toBe(303);
    const done = await stripe.checkout.sessions.retrieve(session.id);
    expect(done.status).toBe('complete');
    expect(done.customer_details).toMatchObject({
      business_name: 'Muster GmbH',
      tax_exempt: 'none',
      tax_ids: [{ type: 'eu_vat', value: 'DE136695976' }],
    });
    expect(done.collected_information?.business_name).toBe('Muster GmbH');
  });

  it('the type follows the country: a Canadian GST/HST number, a UK VAT number', async () => {
    const { stripe } = await newMerchant();
    const canadian = await sessionWithTaxIds(stripe, { enabled: true });
    const ca = await pay(canadian, {
      'billing.country': 'CA',
      'billing.postal_code': 'H2X 1Y4',
      'tax_id.business': 'true',
      'tax_id.business_name': 'Érablière Inc.',
      'tax_id.value': '754039725 RT 0001',
    });
    expect(ca.status).toBe(303);
    expect((await stripe.checkout.sessions.retrieve(canadian.id)).customer_details?.tax_ids).toEqual([
      { type: 'ca_gst_hst', value: '754039725RT0001' },
    ]);

    const british = await sessionWithTaxIds(stripe, { enabled: true });
    const gb = await pay(british, {
      'billing.country': 'GB',
      'billing.postal_code': 'SW1A 1AA',
      'tax_id.business': 'true',
      'tax_id.business_name': 'Tea Ltd',
      'tax_id.value': 'GB980780684',
    });
    expect(gb.status).toBe(303);
    expect((await stripe.checkout.sessions.retrieve(british.id)).customer_details?.tax_ids).toEqual([
      { type: 'gb_vat', value: 'GB980780684' },
    ]);
  });

  it('a purchase as a person keeps no tax ID, even one typed before unticking the box', async () => {
    const { stripe } = await newMerchant();
    const session = await sessionWithTaxIds(stripe, { enabled: true });
    const paid = await pay(session, { ...GERMAN_BUYER, 'tax_id.business_name': 'Muster GmbH', 'tax_id.value': 'DE136695976' });
    expect(paid.status).toBe(303);
    const done = await stripe.checkout.sessions.retrieve(session.id);
    expect(done.customer_details).toMatchObject({ business_name: null, tax_ids: [] });
  });

  it('required: if_supported → the business name and tax ID are asked where the country has one; elsewhere the purchase goes on without', async () => {
    const { stripe } = await newMerchant();
    const session = await sessionWithTaxIds(stripe, { enabled: true, required: 'if_supported' });
    const asked = await pay(session, GERMAN_BUYER);
    expect(asked.status).toBe(200);
    expect(asked.html).toContain('Enter your business’s tax ID.');
    expect(asked.html).toContain('Enter the name of the business.');

    const { 'tax_id.business': _box, ...noBox } = business('DE136695976');
    const paid = await pay(session, noBox);
    expect(paid.status).toBe(303);
    expect((await stripe.checkout.sessions.retrieve(session.id)).customer_details?.tax_ids).toEqual([
      { type: 'eu_vat', value: 'DE136695976' },
    ]);

    // No business tax ID where the page takes none (Kazakhstan here): nothing to ask.
    const elsewhere = await sessionWithTaxIds(stripe, { enabled: true, required: 'if_supported' });
    expect((await pay(elsewhere, { 'billing.country': 'KZ', 'billing.postal_code': '050000' })).status).toBe(303);
    expect((await stripe.checkout.sessions.retrieve(elsewhere.id)).customer_details?.tax_ids).toEqual([]);
  });

  it('a business purchase from a country without a business tax ID → a readable refusal, not a silent drop', async () => {
    const { stripe } = await newMerchant();
    const session = await sessionWithTaxIds(stripe, { enabled: true });
    const refused = await pay(session, {
      'billing.country': 'KZ',
      'billing.postal_code': '050000',
      'tax_id.business': 'true',
      'tax_id.business_name': 'Steppe LLP',
      'tax_id.value': '123456789012',
    });
    expect(refused.status).toBe(200);
    expect(refused.html).toContain('This type of tax ID is not accepted for the chosen country.');
  });

  it('the customer the session makes is named after the business and holds its tax ID; a returning customer gets it once', async () => {
    const { stripe } = await newMerchant();
    const first = await sessionWithTaxIds(stripe, { enabled: true }, { customer_creation: 'always' });
    expect((await pay(first, business('DE136695976'))).status).toBe(303);
    const customerId = defined((await stripe.checkout.sessions.retrieve(first.id)).customer as string | null, 'customer');
    expect((await stripe.customers.retrieve(customerId)) as Stripe.Customer).toMatchObject({ name: 'Muster GmbH' });
    const saved = await stripe.customers.listTaxIds(customerId);
    expect(saved.data.map((t) => ({ type: t.type, value: t.value, country: t.country }))).toEqual([
      { type: 'eu_vat', value: 'DE136695976', country: 'DE' },
    ]);

    // Back with the same number under a new name: the name follows (customer_update.name=auto), the tax ID is not doubled.
    const again = await sessionWithTaxIds(stripe, { enabled: true }, { customer: customerId, customer_update: { name: 'auto' } });
    expect((await pay(again, business('DE 136 695 976', 'Muster AG'))).status).toBe(303);
    expect((await stripe.customers.retrieve(customerId)) as Stripe.Customer).toMatchObject({ name: 'Muster AG' });
    expect((await stripe.customers.listTaxIds(customerId)).data).toHaveLength(1);
    const created = await stripe.events.list({ type: 'customer.tax_id.created' });
    expect(created.data.map((e) => (e.data.object as Stripe.TaxId).customer)).toEqual([customerId]);
  });
});
