import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant, stripeError } from '../support/merchant';
import {
  loosePortalConfiguration as loose,
  minimalPortalConfiguration as minimal,
  portalPlan as plan,
  subscriptionUpdatesFor as updatesFor,
  type PortalConfigurationCreate as Create,
} from '../support/portal-configurations';
import { sdkFields, shapeGaps } from './sdk-fields';

const noGaps = { missing: [], unknown: [] };
const FILE = 'BillingPortal/Configurations';

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
});
