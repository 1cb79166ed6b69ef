import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-params';
import { createPortalConfigurationSchema, updatePortalConfigurationSchema } from '@/lib/validation/billing-portal-configurations';
import { checkFeatures, defaultFeatures, mergeFeatures } from './portal-features';

const created = (features: Record<string, unknown>) =>
  mergeFeatures(defaultFeatures(), parseParams(createPortalConfigurationSchema, { features }).features);

function refusal(run: () => unknown): { param?: string; code?: string; message: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof ApiError) return { param: e.param, code: e.code, message: e.message };
    throw e;
  }
  throw new Error('not refused');
}

describe('portal configuration features', () => {
  it('no feature given → every feature off, with Stripe defaults for cancellation and updates', () => {
    const f = created({});
    expect(f.invoice_history.enabled).toBe(false);
    expect(f.subscription_cancel).toEqual({
      cancellation_reason: {
        enabled: false,
        feedback_options: null,
        options: ['too_expensive', 'missing_features', 'switched_service', 'unused', 'other'],
      },
      enabled: false,
      mode: 'at_period_end',
      proration_behavior: 'none',
    });
    expect(f.subscription_update).toMatchObject({
      enabled: false,
      proration_behavior: 'none',
      trial_update_behavior: 'end_trial',
      products: [],
    });
    expect(() => {
      checkFeatures(f);
    }).not.toThrow();
  });

  it('a feature given with only enabled → its other fields keep their defaults', () => {
    const f = created({ subscription_cancel: { enabled: 'true' }, invoice_history: { enabled: true } });
    expect(f.subscription_cancel).toMatchObject({ enabled: true, mode: 'at_period_end', proration_behavior: 'none' });
    expect(f.invoice_history.enabled).toBe(true);
  });

  it('products given → each gets adjustable_quantity off, minimum 0, no maximum', () => {
    const f = created({
      subscription_update: { enabled: true, default_allowed_updates: ['price'], products: [{ product: 'prod_a', prices: ['price_a'] }] },
    });
    expect(f.subscription_update.products).toEqual([
      { product: 'prod_a', prices: ['price_a'], adjustable_quantity: { enabled: false, maximum: null, minimum: 0 } },
    ]);
    expect(() => {
      checkFeatures(f);
    }).not.toThrow();
  });

  it('an update changes only what it names; a list given replaces the stored one, "" empties it', () => {
    const before = created({
      customer_update: { enabled: true, allowed_updates: ['email', 'address'] },
      subscription_cancel: { enabled: true, mode: 'immediately', cancellation_reason: { enabled: true, options: ['unused'] } },
    });
    const update = parseParams(updatePortalConfigurationSchema, {
      features: { customer_update: { allowed_updates: ['name'] }, subscription_cancel: { cancellation_reason: { enabled: false } } },
    });
    const after = mergeFeatures(before, update.features ?? {});
    expect(after.customer_update).toEqual({ enabled: true, allowed_updates: ['name'] });
    expect(after.subscription_cancel).toMatchObject({
      enabled: true,
      mode: 'immediately',
      cancellation_reason: { enabled: false, options: ['unused'] },
    });
    const emptied = mergeFeatures(
      after,
      parseParams(updatePortalConfigurationSchema, { features: { customer_update: { allowed_updates: '' } } }).features ?? {},
    );
    expect(emptied.customer_update.allowed_updates).toEqual([]);
  });

  it('subscription_update enabled without products or default_allowed_updates → parameter_missing naming it', () => {
    expect(
      refusal(() => {
        checkFeatures(created({ subscription_update: { enabled: true, default_allowed_updates: ['price'] } }));
      }),
    ).toMatchObject({
      code: 'parameter_missing',
      param: 'features[subscription_update][products]',
    });
    expect(
      refusal(() => {
        checkFeatures(created({ subscription_update: { enabled: true, products: [{ product: 'prod_a', prices: ['price_a'] }] } }));
      }),
    ).toMatchObject({ code: 'parameter_missing', param: 'features[subscription_update][default_allowed_updates]' });
  });

  it('customer_update enabled without allowed_updates → parameter_missing', () => {
    expect(
      refusal(() => {
        checkFeatures(created({ customer_update: { enabled: true } }));
      }),
    ).toMatchObject({
      code: 'parameter_missing',
      param: 'features[customer_update][allowed_updates]',
    });
  });

  it('cancellation prorations: always_invoice refused, create_prorations only with mode immediately', () => {
    const param = 'features[subscription_cancel][proration_behavior]';
    expect(
      refusal(() => {
        checkFeatures(created({ subscription_cancel: { enabled: true, proration_behavior: 'always_invoice' } }));
      }),
    ).toMatchObject({ param });
    expect(
      refusal(() => {
        checkFeatures(created({ subscription_cancel: { enabled: true, proration_behavior: 'create_prorations' } }));
      }),
    ).toMatchObject({ param });
    expect(() => {
      checkFeatures(created({ subscription_cancel: { enabled: true, mode: 'immediately', proration_behavior: 'create_prorations' } }));
    }).not.toThrow();
  });

  it('a product listed twice, or a maximum not above the minimum → refused on that product', () => {
    const product = { product: 'prod_a', prices: ['price_a'] };
    expect(
      refusal(() => {
        checkFeatures(
          created({ subscription_update: { enabled: true, default_allowed_updates: ['price'], products: [product, product] } }),
        );
      }),
    ).toMatchObject({ param: 'features[subscription_update][products][1][product]' });
    expect(
      refusal(() => {
        checkFeatures(
          created({
            subscription_update: {
              enabled: true,
              default_allowed_updates: ['quantity'],
              products: [{ ...product, adjustable_quantity: { enabled: true, minimum: 5, maximum: 5 } }],
            },
          }),
        );
      }),
    ).toMatchObject({ param: 'features[subscription_update][products][0][adjustable_quantity][maximum]' });
  });

  it('features missing on create, an unknown feature → Stripe 400s from the schema', () => {
    expect(refusal(() => parseParams(createPortalConfigurationSchema, {}))).toMatchObject({ code: 'parameter_missing', param: 'features' });
    expect(refusal(() => parseParams(createPortalConfigurationSchema, { features: { portal_magic: { enabled: true } } }))).toMatchObject({
      code: 'parameter_unknown',
    });
    expect(
      refusal(() => parseParams(createPortalConfigurationSchema, { features: { subscription_cancel: { mode: 'whenever' } } })),
    ).toMatchObject({
      param: expect.stringContaining('features[subscription_cancel]') as unknown,
    });
  });
});
