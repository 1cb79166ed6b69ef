import 'server-only';
import type { Db, Queryable } from '@/db/client';
import type { PortalConfigurationRow } from '@/db/queries/billing-portal-configurations';
import type { PortalSessionRow } from '@/db/queries/billing-portal-sessions';
import { findPortalConfiguration } from '@/db/queries/billing-portal-configurations';
import { findSubscription, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { PortalFeatures, PortalFlow } from '@/db/schema';
import { ApiError } from '@/lib/api/errors';
import { isLive } from '@/lib/billing/subscriptions/cancel-subscription';
import { openPortalSession } from './open-portal-session';

/**
 * What every action of the portal page checks first: its session, opened again from id and token, with a
 * configuration enabling the feature; and the object it acts on, the session's customer's own.
 */
export type PortalActionResult = 'done' | 'expired' | 'refused';

export type PortalTarget = { sessionId: string; token: string; now?: Date };

export type OpenPortal = { session: PortalSessionRow; features: PortalFeatures };

/** The session and its features when the token is good and `feature` is enabled; else null (the page's "expired"). */
export async function openWithFeature(db: Db, p: PortalTarget, feature: keyof PortalFeatures): Promise<OpenPortal | null> {
  const session = await openPortalSession(db, { id: p.sessionId, token: p.token, now: p.now });
  if (!session) return null;
  const config: PortalConfigurationRow | null = await findPortalConfiguration(db, {
    accountId: session.accountId,
    id: session.configurationId,
  });
  return config?.features[feature].enabled ? { session, features: config.features } : null;
}

/** One of the session's customer's live subscriptions; another customer's is as missing as an unknown one. */
export async function ownLiveSubscription(
  db: Queryable,
  session: Pick<PortalSessionRow, 'accountId' | 'customerId'>,
  id: string,
): Promise<SubscriptionRow | null> {
  if (!id || id.length > 255) return null;
  const sub = await findSubscription(db, { accountId: session.accountId, id });
  return sub?.customerId === session.customerId && isLive(sub) ? sub : null;
}

/** A refusal of lib/ (the card detached meanwhile, a subscription ended) is the page's "could not", never a 500. */
export async function refusedOnApiError(act: () => Promise<unknown>): Promise<PortalActionResult> {
  try {
    await act();
    return 'done';
  } catch (e) {
    if (e instanceof ApiError) return 'refused';
    throw e;
  }
}

/**
 * Where a change made on the page lands when it is the change the session's flow is about (one of `flows`, on the
 * flow's subscription): `returnUrl` is the redirect's (after_completion=redirect), else null (the portal then shows
 * the hosted confirmation or its home). Null when it is not: the page goes back to the portal as for any change.
 */
export async function flowCompletion(
  db: Db,
  p: PortalTarget & { flows: readonly PortalFlow['type'][]; subscriptionId: string },
): Promise<{ returnUrl: string | null } | null> {
  const session = await openPortalSession(db, { id: p.sessionId, token: p.token, now: p.now });
  const flow = session?.flow;
  if (!flow || !p.flows.includes(flow.type)) return null;
  const subject = flow.subscription_cancel ?? flow.subscription_update ?? flow.subscription_update_confirm;
  if (subject?.subscription !== p.subscriptionId) return null;
  const after = flow.after_completion;
  return { returnUrl: after.type === 'redirect' ? (after.redirect?.return_url ?? null) : null };
}
