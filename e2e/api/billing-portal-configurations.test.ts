import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant, stripeError } from '../support/merchant';
import { sdkFields, shapeGaps } from './sdk-fields';

type Create = Stripe.BillingPortal.ConfigurationCreateParams;
const noGaps = { missing: [], unknown: [] };
const FILE = 'BillingPortal/Configurations';
const minimal: Create = { features: { invoice_history: { enabled: true } } };
// Values the SDK's types forbid, sent on purpose.
const loose = (p: Record<string, unknown>) => p as unknown as Create;

/** A product with a monthly and a yearly price, and a one-time price. */
async function plan(stripe: Stripe, name = 'Pro') {
  const product = await stripe.products.create({ name });
  const monthly = await stripe.prices.create({ product: product.id, currency: 'eur', unit_amount: 1000, recurring: { interval: 'month' } });
  const yearly = await stripe.prices.create({ product: product.id, currency: 'eur', unit_amount: 10000, recurring: { interval: 'year' } });
  const once = await stripe.prices.create({ product: product.id, currency: 'eur', unit_amount: 500 });
  return { product: product.id, monthly: monthly.id, yearly: yearly.id, once: once.id };
}

const updatesFor = (p: { product: string; prices: string[] }[]): Create['features'] => ({
  subscription_update: { enabled: true, default_allowed_updates: ['price', 'quantity'], products: p },
});

describe('billing portal configurations through the official SDK', () => {
  it('merchant creates a configuration with every feature → sees each one back, every field of the SDK type, the same on retrieve', async () => {
    const { stripe } = await newMerchant();
    const pro = await plan(stripe);
    const config = await stripe.billingPortal.configurations.create({
      business_profile: {
        headline: 'Manage your plan',
        privacy_policy_url: 'https://shop.example/privacy',
        terms_of_service_url: 'https://shop.example/tos',
      },
      default_return_url: 'https://shop.example/account',
      name: 'Main portal',
      metadata: { team: 'billing' },
      login_page: { enabled: false },
      features: {
        customer_update: { enabled: true, allowed_updates: ['email', 'address', 'tax_id'] },
        invoice_history: { enabled: true },
        payment_method_update: { enabled: true },
        subscription_cancel: {
          enabled: true,
          mode: 'immediately',
          proration_behavior: 'create_prorations',
          cancellation_reason: { enabled: true, options: ['too_expensive', 'unused'] },
        },
        subscription_pause: { enabled: false },
        subscription_update: {
          enabled: true,
          default_allowed_updates: ['price', 'quantity', 'promotion_code'],
          proration_behavior: 'always_invoice',
          billing_cycle_anchor: 'now',
          trial_update_behavior: 'continue_trial',
          schedule_at_period_end: { conditions: [{ type: 'decreasing_item_amount' }] },
          products: [
            { product: pro.product, prices: [pro.monthly, pro.yearly], adjustable_quantity: { enabled: true, minimum: 1, maximum: 10 } },
          ],
        },
      },
    });
    expect(config.id).toMatch(/^bpc_[A-Za-z0-9]{24}$/);
    expect(config).toEqual({
      id: config.id,
      object: 'billing_portal.configuration',
      active: true,
      application: null,
      business_profile: {
        headline: 'Manage your plan',
        privacy_policy_url: 'https://shop.example/privacy',
        terms_of_service_url: 'https://shop.example/tos',
      },
      created: expect.any(Number) as unknown,
      default_return_url: 'https://shop.example/account',
      features: {
        customer_update: { enabled: true, allowed_updates: ['email', 'address', 'tax_id'] },
        invoice_history: { enabled: true },
        payment_method_update: { enabled: true, payment_method_configuration: null },
        subscription_cancel: {
          enabled: true,
          mode: 'immediately',
          proration_behavior: 'create_prorations',
          cancellation_reason: { enabled: true, feedback_options: null, options: ['too_expensive', 'unused'] },
        },
        subscription_pause: { enabled: false, duration: { type: 'indefinite', interval_options: [] } },
        subscription_update: {
          enabled: true,
          default_allowed_updates: ['price', 'quantity', 'promotion_code'],
          proration_behavior: 'always_invoice',
          billing_cycle_anchor: 'now',
          trial_update_behavior: 'continue_trial',
          schedule_at_period_end: { conditions: [{ type: 'decreasing_item_amount' }] },
          products: [
            { product: pro.product, prices: [pro.monthly, pro.yearly], adjustable_quantity: { enabled: true, minimum: 1, maximum: 10 } },
          ],
        },
      },
      is_default: true,
      livemode: false,
      login_page: { enabled: false, url: null },
      metadata: { team: 'billing' },
      name: 'Main portal',
      updated: config.created,
    });
    expect(Math.abs(config.created - Date.now() / 1000)).toBeLessThan(60);

    const shapes: [object, [string, ...string[]]][] = [
      [config, ['Configuration']],
      [config.business_profile, ['Configuration', 'BusinessProfile']],
      [config.features, ['Configuration', 'Features']],
      [config.login_page, ['Configuration', 'LoginPage']],
    ];
    for (const [object, names] of shapes) expect(shapeGaps(object, sdkFields(FILE, names)), names.join('.')).toEqual(noGaps);
    for (const feature of Object.keys(config.features) as (keyof Stripe.BillingPortal.Configuration.Features)[]) {
      const name = feature.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
      expect(shapeGaps(config.features[feature], sdkFields(FILE, ['Configuration', 'Features', name])), feature).toEqual(noGaps);
    }
    const [product] = config.features.subscription_update.products ?? [];
    expect(shapeGaps(product, sdkFields(FILE, ['Configuration', 'Features', 'SubscriptionUpdate', 'Product']))).toEqual(noGaps);

    expect(await stripe.billingPortal.configurations.retrieve(config.id)).toEqual(config);
  });

  it("merchant creates a minimal configuration → Stripe's defaults for every feature not given; a second one is not the default", async () => {
    const { stripe } = await newMerchant();
    const first = await stripe.billingPortal.configurations.create(minimal);
    // An empty features hash is not sent at all by the form encoding: one feature, left off, is the least.
    const second = await stripe.billingPortal.configurations.create({ features: { payment_method_update: { enabled: false } } });
    expect(first.is_default).toBe(true);
    expect(second.is_default).toBe(false);
    expect(second).toMatchObject({
      active: true,
      business_profile: { headline: null, privacy_policy_url: null, terms_of_service_url: null },
      default_return_url: null,
      metadata: {},
      name: null,
      features: {
        customer_update: { enabled: false, allowed_updates: [] },
        invoice_history: { enabled: false },
        payment_method_update: { enabled: false, payment_method_configuration: null },
        subscription_cancel: {
          enabled: false,
          mode: 'at_period_end',
          proration_behavior: 'none',
          cancellation_reason: { enabled: false, options: ['too_expensive', 'missing_features', 'switched_service', 'unused', 'other'] },
        },
        subscription_update: { enabled: false, default_allowed_updates: [], proration_behavior: 'none', products: [] },
      },
    });
    expect(first.features.invoice_history.enabled).toBe(true);
  });

  it('a new merchant creates two configurations at once → exactly one of them is the default', async () => {
    const { stripe } = await newMerchant();
    const both = await Promise.all([
      stripe.billingPortal.configurations.create(minimal),
      stripe.billingPortal.configurations.create(minimal),
    ]);
    expect(both.map((c) => c.is_default).sort()).toEqual([false, true]);
    expect((await stripe.billingPortal.configurations.list({ is_default: true })).data).toHaveLength(1);
  });

  it('merchant sends invalid configurations → Stripe-shaped 400s naming the parameter, nothing created', async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const pro = await plan(a.stripe);
    const other = await plan(a.stripe, 'Other');
    const theirs = await plan(b.stripe);
    const create = (p: Create) => stripeError(a.stripe.billingPortal.configurations.create(p));

    expect(await create(loose({}))).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'features' });
    expect(await create({ features: { subscription_update: { enabled: true, default_allowed_updates: ['price'] } } })).toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'features[subscription_update][products]',
    });
    expect(await create({ features: { customer_update: { enabled: true } } })).toMatchObject({
      code: 'parameter_missing',
      param: 'features[customer_update][allowed_updates]',
    });
    expect(await create({ features: updatesFor([{ product: pro.product, prices: [pro.monthly, other.monthly] }]) })).toMatchObject({
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      param: 'features[subscription_update][products][0][prices][1]',
    });
    expect(await create({ features: updatesFor([{ product: pro.product, prices: [pro.once] }]) })).toMatchObject({
      statusCode: 400,
      param: 'features[subscription_update][products][0][prices][0]',
    });
    expect(await create({ features: updatesFor([{ product: theirs.product, prices: [theirs.monthly] }]) })).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'features[subscription_update][products][0][product]',
      message: `No such product: '${theirs.product}'`,
    });
    expect(await create({ ...minimal, login_page: { enabled: true } })).toMatchObject({ statusCode: 400, param: 'login_page[enabled]' });
    expect(await create({ features: { subscription_cancel: { enabled: true, proration_behavior: 'create_prorations' } } })).toMatchObject({
      statusCode: 400,
      param: 'features[subscription_cancel][proration_behavior]',
    });
    expect(await create(loose({ features: { subscription_cancel: { enabled: true, mode: 'someday' } } }))).toMatchObject({
      statusCode: 400,
    });
    expect(await create(loose({ features: { invoice_history: { enabled: true }, teleport: { enabled: true } } }))).toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
    });
    expect((await a.stripe.billingPortal.configurations.list()).data).toEqual([]);
  });

  it('merchant updates a configuration → features merge, metadata merges, updated moves on; a non-default one can be deactivated, the default cannot', async () => {
    const { stripe } = await newMerchant();
    const pro = await plan(stripe);
    const main = await stripe.billingPortal.configurations.create({
      ...minimal,
      metadata: { keep: 'yes', drop: 'soon' },
      features: { invoice_history: { enabled: true }, subscription_cancel: { enabled: true, mode: 'immediately' } },
    });
    const updated = await stripe.billingPortal.configurations.update(main.id, {
      name: 'Renamed',
      metadata: { drop: '', added: '1' },
      business_profile: { headline: 'Hello' },
      features: {
        subscription_cancel: { cancellation_reason: { enabled: true, options: ['other'] } },
        ...updatesFor([{ product: pro.product, prices: [pro.monthly] }]),
      },
    });
    expect(updated).toMatchObject({
      name: 'Renamed',
      metadata: { keep: 'yes', added: '1' },
      business_profile: { headline: 'Hello', privacy_policy_url: null },
      features: {
        invoice_history: { enabled: true },
        subscription_cancel: { enabled: true, mode: 'immediately', cancellation_reason: { enabled: true, options: ['other'] } },
        subscription_update: { enabled: true, products: [{ product: pro.product, prices: [pro.monthly] }] },
      },
    });
    expect(updated.metadata).not.toHaveProperty('drop');
    expect(updated.updated).toBeGreaterThanOrEqual(main.updated);
    expect(updated.created).toBe(main.created);

    // Emptying the products of an enabled subscription_update is refused: the merged result is checked, not only what was sent.
    expect(
      await stripeError(stripe.billingPortal.configurations.update(main.id, { features: { subscription_update: { products: '' } } })),
    ).toMatchObject({ statusCode: 400, param: 'features[subscription_update][products]' });

    expect(await stripeError(stripe.billingPortal.configurations.update(main.id, { active: false }))).toMatchObject({
      statusCode: 400,
      param: 'active',
    });
    const spare = await stripe.billingPortal.configurations.create(minimal);
    expect((await stripe.billingPortal.configurations.update(spare.id, { active: false })).active).toBe(false);
    expect((await stripe.billingPortal.configurations.update(spare.id, { active: true })).active).toBe(true);
    expect(await stripeError(stripe.billingPortal.configurations.update(spare.id, loose({ is_default: true })))).toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
    });
  });

  it('merchant lists configurations → newest first, filtered by active and is_default, paged with cursors', async () => {
    const { stripe } = await newMerchant();
    const first = await stripe.billingPortal.configurations.create(minimal);
    const second = await stripe.billingPortal.configurations.create(minimal);
    const third = await stripe.billingPortal.configurations.create(minimal);
    await stripe.billingPortal.configurations.update(second.id, { active: false });
    const ids = (l: { data: { id: string }[] }) => l.data.map((c) => c.id);

    expect(ids(await stripe.billingPortal.configurations.list())).toEqual([third.id, second.id, first.id]);
    expect(ids(await stripe.billingPortal.configurations.list({ active: true }))).toEqual([third.id, first.id]);
    expect(ids(await stripe.billingPortal.configurations.list({ active: false }))).toEqual([second.id]);
    expect(ids(await stripe.billingPortal.configurations.list({ is_default: true }))).toEqual([first.id]);
    expect(ids(await stripe.billingPortal.configurations.list({ is_default: false }))).toEqual([third.id, second.id]);

    const page = await stripe.billingPortal.configurations.list({ limit: 2 });
    expect(ids(page)).toEqual([third.id, second.id]);
    expect(page.has_more).toBe(true);
    expect(page.url).toBe('/v1/billing_portal/configurations');
    const next = await stripe.billingPortal.configurations.list({ limit: 2, starting_after: second.id });
    expect(ids(next)).toEqual([first.id]);
    expect(next.has_more).toBe(false);
    expect(ids(await stripe.billingPortal.configurations.list({ ending_before: first.id }))).toEqual([third.id, second.id]);
    const all: string[] = [];
    for await (const c of stripe.billingPortal.configurations.list({ limit: 1 })) all.push(c.id);
    expect(all).toEqual([third.id, second.id, first.id]);
  });

  it("merchant asks for another merchant's configuration → 404 resource_missing, and it is not listed", async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const config = await a.stripe.billingPortal.configurations.create(minimal);
    expect(await stripeError(b.stripe.billingPortal.configurations.retrieve(config.id))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
      message: `No such configuration: '${config.id}'`,
    });
    expect((await stripeError(b.stripe.billingPortal.configurations.update(config.id, { name: 'mine' }))).statusCode).toBe(404);
    expect((await b.stripe.billingPortal.configurations.list()).data).toEqual([]);
    // B's own first configuration is B's default: A's does not count.
    expect((await b.stripe.billingPortal.configurations.create(minimal)).is_default).toBe(true);
    expect((await a.stripe.billingPortal.configurations.retrieve(config.id)).name).toBeNull();
  });

  it('merchant creates and updates a configuration → billing_portal.configuration.created and .updated events with previous attributes', async () => {
    const { stripe } = await newMerchant();
    const config = await stripe.billingPortal.configurations.create(minimal);
    await stripe.billingPortal.configurations.update(config.id, { name: 'Portal', features: { payment_method_update: { enabled: true } } });

    const [created] = (await stripe.events.list({ type: 'billing_portal.configuration.created' })).data;
    expect(created.data.object).toEqual(config);
    const [updated] = (await stripe.events.list({ type: 'billing_portal.configuration.updated' })).data;
    expect(updated.data.object).toMatchObject({ id: config.id, name: 'Portal', features: { payment_method_update: { enabled: true } } });
    expect(updated.data.previous_attributes).toMatchObject({ name: null, features: { payment_method_update: { enabled: false } } });
  });
});
