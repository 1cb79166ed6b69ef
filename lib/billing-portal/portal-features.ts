import type { PortalFeatures, PortalProduct } from '@/db/schema';
import { invalidRequest, missingParam } from '@/lib/api/errors';
import type { PortalFeaturesParams } from '@/lib/validation/billing-portal-configurations';

/** Stripe's configuration of a feature not given on create: every feature off, Stripe's defaults for the rest. */
export function defaultFeatures(): PortalFeatures {
  return {
    customer_update: { allowed_updates: [], enabled: false },
    invoice_history: { enabled: false },
    payment_method_update: { enabled: false, payment_method_configuration: null },
    subscription_cancel: {
      cancellation_reason: {
        enabled: false,
        feedback_options: null,
        options: ['too_expensive', 'missing_features', 'switched_service', 'unused', 'other'],
      },
      enabled: false,
      mode: 'at_period_end',
      proration_behavior: 'none',
    },
    subscription_pause: { duration: { interval_options: [], type: 'indefinite' }, enabled: false },
    subscription_update: {
      billing_cycle_anchor: null,
      default_allowed_updates: [],
      enabled: false,
      products: [],
      proration_behavior: 'none',
      schedule_at_period_end: { conditions: [] },
      trial_update_behavior: 'end_trial',
    },
  };
}

type ProductParam = NonNullable<NonNullable<PortalFeaturesParams['subscription_update']>['products']>[number];

function portalProduct(p: ProductParam): PortalProduct {
  return {
    product: p.product,
    prices: [...new Set(p.prices)],
    adjustable_quantity: {
      enabled: p.adjustable_quantity?.enabled ?? false,
      maximum: p.adjustable_quantity?.maximum ?? null,
      minimum: p.adjustable_quantity?.minimum ?? 0,
    },
  };
}

const given = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * The features after a create (over defaultFeatures()) or an update (over the stored ones): each feature
 * given changes only the fields given, as Stripe's update does; a list given replaces the stored one.
 */
export function mergeFeatures(current: PortalFeatures, p: PortalFeaturesParams): PortalFeatures {
  const cancel = p.subscription_cancel;
  const pause = p.subscription_pause;
  const update = p.subscription_update;
  const pmu = p.payment_method_update;
  return {
    customer_update: { ...current.customer_update, ...given(p.customer_update ?? {}) },
    invoice_history: { ...current.invoice_history, ...given(p.invoice_history ?? {}) },
    payment_method_update: {
      ...current.payment_method_update,
      ...(pmu && { enabled: pmu.enabled }),
      ...(pmu?.payment_method_configuration !== undefined && { payment_method_configuration: pmu.payment_method_configuration }),
    },
    subscription_cancel: {
      ...current.subscription_cancel,
      ...given({ enabled: cancel?.enabled, mode: cancel?.mode, proration_behavior: cancel?.proration_behavior }),
      cancellation_reason: {
        ...current.subscription_cancel.cancellation_reason,
        ...given({
          enabled: cancel?.cancellation_reason?.enabled,
          options: cancel?.cancellation_reason?.options,
          feedback_options: cancel?.cancellation_reason?.feedback_options,
        }),
      },
    },
    subscription_pause: {
      enabled: pause?.enabled ?? current.subscription_pause.enabled,
      duration: pause?.duration
        ? {
            type: pause.duration.type,
            interval_options: (pause.duration.interval_options ?? []).map((o) => ({
              interval: o.interval,
              interval_count: o.interval_count ?? 1,
            })),
          }
        : current.subscription_pause.duration,
    },
    subscription_update: {
      ...current.subscription_update,
      ...given({
        billing_cycle_anchor: update?.billing_cycle_anchor,
        default_allowed_updates: update?.default_allowed_updates,
        enabled: update?.enabled,
        proration_behavior: update?.proration_behavior,
        trial_update_behavior: update?.trial_update_behavior,
      }),
      ...(update?.products !== undefined && { products: update.products.map(portalProduct) }),
      ...(update?.schedule_at_period_end && { schedule_at_period_end: { conditions: update.schedule_at_period_end.conditions ?? [] } }),
    },
  };
}

const F = 'features';

/**
 * What Stripe refuses in a configuration's features, judged on the merged result: an enabled feature
 * without the lists it needs, a proration its cancellation mode cannot make, a product listed twice.
 * Whether the products and prices exist is the database's question (configurations.ts).
 */
export function checkFeatures(f: PortalFeatures): void {
  if (f.customer_update.enabled && f.customer_update.allowed_updates.length === 0)
    throw missingParam(`${F}[customer_update][allowed_updates]`);
  const cancel = f.subscription_cancel;
  if (cancel.proration_behavior === 'always_invoice')
    throw invalidRequest(
      'Invalid features[subscription_cancel][proration_behavior]: must be one of none or create_prorations.',
      `${F}[subscription_cancel][proration_behavior]`,
    );
  if (cancel.proration_behavior === 'create_prorations' && cancel.mode !== 'immediately')
    throw invalidRequest(
      'features[subscription_cancel][proration_behavior] can only be create_prorations when features[subscription_cancel][mode] is immediately.',
      `${F}[subscription_cancel][proration_behavior]`,
    );
  if (cancel.cancellation_reason.enabled && cancel.cancellation_reason.options.length === 0)
    throw missingParam(`${F}[subscription_cancel][cancellation_reason][options]`);
  const pause = f.subscription_pause.duration;
  if (pause.type === 'interval_options' && pause.interval_options.length === 0)
    throw missingParam(`${F}[subscription_pause][duration][interval_options]`);
  const update = f.subscription_update;
  if (update.enabled) {
    if (update.products.length === 0) throw missingParam(`${F}[subscription_update][products]`);
    if (update.default_allowed_updates.length === 0) throw missingParam(`${F}[subscription_update][default_allowed_updates]`);
  }
  update.products.forEach((p, i) => {
    const param = `${F}[subscription_update][products][${i}]`;
    if (update.products.findIndex((q) => q.product === p.product) !== i)
      throw invalidRequest(`The product ${p.product} is listed more than once.`, `${param}[product]`);
    const q = p.adjustable_quantity;
    if (q.maximum !== null && q.maximum <= q.minimum)
      throw invalidRequest(
        'adjustable_quantity[maximum] must be greater than adjustable_quantity[minimum].',
        `${param}[adjustable_quantity][maximum]`,
      );
  });
}
