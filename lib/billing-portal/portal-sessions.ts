import { createHash } from 'node:crypto';
import type { Db, Queryable } from '@/db/client';
import { getAccountAllowlists } from '@/db/queries/account-allowlists';
import {
  findDefaultPortalConfiguration,
  findPortalConfiguration,
  type PortalConfigurationRow,
} from '@/db/queries/billing-portal-configurations';
import { insertPortalSession } from '@/db/queries/billing-portal-sessions';
import { findCoupon } from '@/db/queries/coupons';
import { findCustomer } from '@/db/queries/customers';
import { findSubscription, subscriptionItemsOf } from '@/db/queries/subscriptions';
import type { PortalFlow } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { invalidRequest, missingParam, noSuchObject } from '@/lib/api/errors';
import { serializePortalSession } from '@/lib/api/serialize/portal-session';
import { checkRedirectUrls } from '@/lib/checkout/session-rules';
import { env } from '@/lib/env';
import { newId, randomBase62 } from '@/lib/util/ids';
import type { CreatePortalSessionParams, PortalFlowData } from '@/lib/validation/billing-portal-sessions';

/** Only this hash of a portal session's token is stored; the token itself is in the URL given once. */
export const hashPortalToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export const portalSessionPath = (id: string, token: string) => `/p/${id}/${token}`;

const ENDED = new Set(['canceled', 'incomplete_expired']);

async function configurationFor(db: Queryable, accountId: string, id: string | undefined): Promise<PortalConfigurationRow> {
  if (id === undefined) {
    const row = await findDefaultPortalConfiguration(db, accountId);
    if (!row)
      throw invalidRequest(
        'You can’t create a portal session until you create a portal configuration: POST /v1/billing_portal/configurations (the first one becomes the default).',
      );
    return row;
  }
  const row = await findPortalConfiguration(db, { accountId, id });
  if (!row) throw noSuchObject('billing_portal.configuration', id, 'configuration', 400);
  if (!row.active) throw invalidRequest(`The configuration ${id} is not active: activate it or pass another one.`, 'configuration');
  return row;
}

/** The flow's subscription: the customer's own, and not ended. */
async function flowSubscription(db: Queryable, accountId: string, customerId: string, id: string, param: string) {
  const sub = await findSubscription(db, { accountId, id });
  if (!sub) throw noSuchObject('subscription', id, param, 400);
  if (sub.customerId !== customerId) throw invalidRequest(`The subscription ${id} does not belong to the customer ${customerId}.`, param);
  if (ENDED.has(sub.status)) throw invalidRequest(`The subscription ${id} has ended: it cannot be changed in the portal.`, param);
  return sub;
}

const FEATURE_OF = {
  payment_method_update: 'payment_method_update',
  subscription_cancel: 'subscription_cancel',
  subscription_update: 'subscription_update',
  subscription_update_confirm: 'subscription_update',
} as const;

/** Checks flow_data against the customer and the configuration, as Stripe does, and shapes it as the session's `flow`. */
async function checkFlow(db: Queryable, accountId: string, customerId: string, config: PortalConfigurationRow, f: PortalFlowData) {
  const feature = FEATURE_OF[f.type];
  if (!config.features[feature].enabled)
    throw invalidRequest(
      `flow_data[type]=${f.type} needs the ${feature} feature enabled in the portal configuration ${config.id}.`,
      'flow_data[type]',
    );
  for (const other of ['subscription_cancel', 'subscription_update', 'subscription_update_confirm'] as const)
    if (other !== f.type && f[other] !== undefined)
      throw invalidRequest(`flow_data[${other}] can only be given with flow_data[type]=${other}.`, `flow_data[${other}]`);

  const after = f.after_completion ?? { type: 'portal_homepage' as const };
  if (after.type === 'redirect' && !after.redirect) throw missingParam('flow_data[after_completion][redirect]');
  if (after.type !== 'redirect' && after.redirect)
    throw invalidRequest(
      'flow_data[after_completion][redirect] can only be given with flow_data[after_completion][type]=redirect.',
      'flow_data[after_completion][redirect]',
    );
  if (after.type !== 'hosted_confirmation' && after.hosted_confirmation)
    throw invalidRequest(
      'flow_data[after_completion][hosted_confirmation] can only be given with flow_data[after_completion][type]=hosted_confirmation.',
      'flow_data[after_completion][hosted_confirmation]',
    );

  const flow: PortalFlow = {
    type: f.type,
    after_completion: {
      type: after.type,
      hosted_confirmation:
        after.type === 'hosted_confirmation' ? { custom_message: after.hosted_confirmation?.custom_message ?? null } : null,
      redirect: after.redirect ? { return_url: after.redirect.return_url } : null,
    },
    customer_update: null,
    subscription_cancel: null,
    subscription_pause: null,
    subscription_update: null,
    subscription_update_confirm: null,
  };

  if (f.type === 'subscription_cancel') {
    const p = f.subscription_cancel;
    if (!p) throw missingParam('flow_data[subscription_cancel]');
    await flowSubscription(db, accountId, customerId, p.subscription, 'flow_data[subscription_cancel][subscription]');
    if (p.retention && !(await findCoupon(db, { accountId, id: p.retention.coupon_offer.coupon })))
      throw noSuchObject('coupon', p.retention.coupon_offer.coupon, 'flow_data[subscription_cancel][retention][coupon_offer][coupon]', 400);
    flow.subscription_cancel = {
      subscription: p.subscription,
      retention: p.retention ? { type: 'coupon_offer', coupon_offer: { coupon: p.retention.coupon_offer.coupon } } : null,
    };
  } else if (f.type === 'subscription_update') {
    const p = f.subscription_update;
    if (!p) throw missingParam('flow_data[subscription_update]');
    await flowSubscription(db, accountId, customerId, p.subscription, 'flow_data[subscription_update][subscription]');
    flow.subscription_update = { subscription: p.subscription };
  } else if (f.type === 'subscription_update_confirm') {
    const p = f.subscription_update_confirm;
    if (!p) throw missingParam('flow_data[subscription_update_confirm]');
    const at = 'flow_data[subscription_update_confirm]';
    await flowSubscription(db, accountId, customerId, p.subscription, `${at}[subscription]`);
    const items = new Set((await subscriptionItemsOf(db, { accountId, subscriptionIds: [p.subscription] })).map((i) => i.id));
    for (const [i, item] of p.items.entries())
      if (!items.has(item.id))
        throw invalidRequest(
          `The subscription item ${item.id} is not an item of the subscription ${p.subscription}.`,
          `${at}[items][${i}][id]`,
        );
    for (const [i, d] of (p.discounts ?? []).entries())
      if ((d.coupon === undefined) === (d.promotion_code === undefined))
        throw invalidRequest('Each discount takes exactly one of coupon or promotion_code.', `${at}[discounts][${i}]`);
    flow.subscription_update_confirm = {
      subscription: p.subscription,
      items: p.items.map((i) => ({ id: i.id, price: i.price ?? null, ...(i.quantity !== undefined && { quantity: i.quantity }) })),
      discounts: p.discounts ? p.discounts.map((d) => ({ coupon: d.coupon ?? null, promotion_code: d.promotion_code ?? null })) : null,
    };
  }
  return flow;
}

/** POST /v1/billing_portal/sessions: a session for one of the account's customers, its URL holding a fresh token. */
export async function createPortalSession(db: Db, scope: AccountScope, p: CreatePortalSessionParams, opts: { now?: Date } = {}) {
  const { accountId } = scope;
  const customer = await findCustomer(db, { accountId, id: p.customer });
  if (!customer) throw noSuchObject('customer', p.customer, 'customer', 400);
  const config = await configurationFor(db, accountId, p.configuration);
  const flow = p.flow_data ? await checkFlow(db, accountId, customer.id, config, p.flow_data) : null;
  const allowed = (await getAccountAllowlists(db, scope)).allowedRedirectDomains;
  checkRedirectUrls({ return_url: p.return_url }, allowed);
  if (flow?.after_completion.redirect) {
    try {
      checkRedirectUrls({ return_url: flow.after_completion.redirect.return_url }, allowed);
    } catch {
      throw invalidRequest(
        'flow_data[after_completion][redirect][return_url] must be on one of this account’s allowed redirect domains.',
        'flow_data[after_completion][redirect][return_url]',
      );
    }
  }
  const token = randomBase62(43);
  const row = await insertPortalSession(db, {
    id: newId('bps'),
    accountId,
    createdAt: opts.now ?? new Date(),
    customerId: customer.id,
    configurationId: config.id,
    locale: p.locale ?? null,
    returnUrl: p.return_url ?? config.defaultReturnUrl,
    flow,
    tokenHash: hashPortalToken(token),
  });
  return serializePortalSession(row, `${env().APP_URL}${portalSessionPath(row.id, token)}`);
}
