import { describe, expect, it } from 'vitest';
import { monthlyPrice, oneTimePrice, SUCCESS_URL, CANCEL_URL } from '../support/catalog';
import { newMerchant, stripeError, testServerUrl } from '../support/merchant';

// Every top-level field of Stripe's Session that is not optional in the SDK's types.
const SESSION_FIELDS = [
  'id',
  'object',
  'adaptive_pricing',
  'after_expiration',
  'allow_promotion_codes',
  'allowed_payment_method_types',
  'amount_subtotal',
  'amount_total',
  'automatic_tax',
  'billing_address_collection',
  'cancel_url',
  'client_reference_id',
  'client_secret',
  'collected_information',
  'consent',
  'consent_collection',
  'created',
  'currency',
  'currency_conversion',
  'custom_fields',
  'custom_text',
  'customer',
  'customer_account',
  'customer_creation',
  'customer_details',
  'customer_email',
  'discounts',
  'expires_at',
  'integration_identifier',
  'invoice',
  'invoice_creation',
  'livemode',
  'locale',
  'managed_payments',
  'metadata',
  'mode',
  'origin_context',
  'payment_intent',
  'payment_link',
  'payment_method_collection',
  'payment_method_configuration_details',
  'payment_method_options',
  'payment_method_types',
  'payment_status',
  'permissions',
  'recovered_from',
  'saved_payment_method_options',
  'setup_intent',
  'shipping_address_collection',
  'shipping_cost',
  'shipping_options',
  'status',
  'submit_type',
  'subscription',
  'success_url',
  'total_details',
  'ui_mode',
  'url',
  'wallet_options',
];

describe('creating checkout sessions through the official SDK', () => {
  it('a merchant creates a hosted payment session → it is open, priced and has a page URL', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe, 2500);
    const before = Math.floor(Date.now() / 1000);
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 2 }],
      success_url: SUCCESS_URL,
      cancel_url: CANCEL_URL,
      client_reference_id: 'order-42',
      metadata: { order: '42' },
      customer_email: 'ada@example.com',
    });
    for (const field of SESSION_FIELDS) expect(session, field).toHaveProperty(field);
    expect(session.id).toMatch(/^cs_test_[A-Za-z0-9]{58}$/);
    expect(session).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      mode: 'payment',
      currency: 'usd',
      amount_subtotal: 5000,
      amount_total: 5000,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      success_url: SUCCESS_URL,
      cancel_url: CANCEL_URL,
      client_reference_id: 'order-42',
      metadata: { order: '42' },
      customer_email: 'ada@example.com',
      client_secret: null,
      livemode: false,
    });
    expect(session.line_items).toBeUndefined();
    expect(session.url).toBe(`${testServerUrl()}/c/${session.id}`);
    expect(session.expires_at - session.created).toBe(24 * 3600);
    expect(session.created).toBeGreaterThanOrEqual(before);
  });

  it('an embedded session (both ui_mode spellings) → client_secret and return_url, no url', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe);
    for (const ui_mode of ['embedded', 'embedded_page'] as const) {
      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        ui_mode: ui_mode as 'embedded_page',
        line_items: [{ price: price.id, quantity: 1 }],
        return_url: 'https://shop.example/return?session_id={CHECKOUT_SESSION_ID}',
      });
      expect(session.ui_mode).toBe(ui_mode);
      expect(session.url).toBeNull();
      expect(session.client_secret).toMatch(new RegExp(`^${session.id}_secret_`));
      expect(session.return_url).toBe('https://shop.example/return?session_id={CHECKOUT_SESSION_ID}');
    }
  });

  it('a subscription with a one-time fee, a trial and collection settings → echoed as Stripe does', async () => {
    const { stripe } = await newMerchant();
    const monthly = await monthlyPrice(stripe, 1500);
    const setup = await oneTimePrice(stripe, 4900, 'usd', 'Setup fee');
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [
        { price: monthly.id, quantity: 1 },
        { price: setup.id, quantity: 1 },
      ],
      subscription_data: { trial_period_days: 14, metadata: { plan: 'pro' } },
      success_url: SUCCESS_URL,
      locale: 'fr',
      phone_number_collection: { enabled: true },
      billing_address_collection: 'required',
      tax_id_collection: { enabled: true },
      custom_fields: [
        { key: 'company', label: { type: 'custom', custom: 'Company' }, type: 'text', optional: true, text: { maximum_length: 40 } },
      ],
      custom_text: { submit: { message: 'We ship within 2 days.' } },
      consent_collection: { terms_of_service: 'required', promotions: 'auto' },
      after_expiration: { recovery: { enabled: true, allow_promotion_codes: true } },
    });
    expect(session).toMatchObject({
      mode: 'subscription',
      // The 14-day trial makes the monthly price free today: only the setup fee is due.
      amount_total: 4900,
      locale: 'fr',
      submit_type: null,
      customer_creation: null,
      payment_method_collection: 'always',
      phone_number_collection: { enabled: true },
      billing_address_collection: 'required',
      tax_id_collection: { enabled: true, required: 'never' },
      custom_text: {
        submit: { message: 'We ship within 2 days.' },
        after_submit: null,
        shipping_address: null,
        terms_of_service_acceptance: null,
      },
      consent_collection: { terms_of_service: 'required', promotions: 'auto', payment_method_reuse_agreement: null },
      after_expiration: { recovery: { enabled: true, allow_promotion_codes: true, expires_at: null, url: null } },
    });
    expect(session.custom_fields[0]).toMatchObject({
      key: 'company',
      type: 'text',
      optional: true,
      label: { type: 'custom', custom: 'Company' },
      text: { maximum_length: 40, value: null },
    });
  });

  it('a setup session needs a currency and no line items', async () => {
    const { stripe } = await newMerchant();
    const session = await stripe.checkout.sessions.create({ mode: 'setup', currency: 'usd', success_url: SUCCESS_URL });
    expect(session).toMatchObject({ mode: 'setup', payment_status: 'no_payment_required', amount_total: null, currency: 'usd' });
    const err = await stripeError(stripe.checkout.sessions.create({ mode: 'setup', success_url: SUCCESS_URL }));
    expect(err.param).toBe('currency');
  });

  it('expires_at between 30 minutes and 24 hours is kept; outside it is refused', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe);
    const at = Math.floor(Date.now() / 1000) + 3600;
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: SUCCESS_URL,
      expires_at: at,
    });
    expect(session.expires_at).toBe(at);
    for (const bad of [Math.floor(Date.now() / 1000) + 60, Math.floor(Date.now() / 1000) + 25 * 3600]) {
      const err = await stripeError(
        stripe.checkout.sessions.create({
          mode: 'payment',
          line_items: [{ price: price.id, quantity: 1 }],
          success_url: SUCCESS_URL,
          expires_at: bad,
        }),
      );
      expect(err).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param: 'expires_at' });
    }
  });

  it('invoice_creation.invoice_data is the object Stripe always sends, never null (payment mode only)', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe);
    const created = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: SUCCESS_URL,
    });
    const invoiceData = {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: null,
      metadata: {},
      rendering_options: null,
    };
    expect(created.invoice_creation).toEqual({ enabled: false, invoice_data: invoiceData });
    // Stripe's expire example shows the same object on an expired session.
    const expired = await stripe.checkout.sessions.expire(created.id);
    expect(expired.invoice_creation).toEqual({ enabled: false, invoice_data: invoiceData });
    expect((await stripe.checkout.sessions.retrieve(created.id)).invoice_creation).toEqual({ enabled: false, invoice_data: invoiceData });
    const monthly = await monthlyPrice(stripe);
    const subscription = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: monthly.id, quantity: 1 }],
      success_url: SUCCESS_URL,
    });
    expect(subscription.invoice_creation).toBeNull();
  });
});
