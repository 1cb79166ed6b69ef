import { describe, expect, it } from 'vitest';
import { newMerchant, stripeError } from '../support/merchant';
import {
  loosePortalConfiguration as loose,
  minimalPortalConfiguration as minimal,
  portalPlan as plan,
  subscriptionUpdatesFor as updatesFor,
} from '../support/portal-configurations';

describe('billing portal configurations after their creation, through the official SDK', () => {
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
