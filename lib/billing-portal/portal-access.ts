import 'server-only';
import type { Db, Queryable } from '@/db/client';
import type { PortalConfigurationRow } from '@/db/queries/billing-portal-configurations';
import type { PortalSessionRow } from '@/db/queries/billing-portal-sessions';
import { findPortalConfiguration } from '@/db/queries/billing-portal-configurations';
import { findSubscription, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { PortalFeatures } from '@/db/schema';
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
 * Where the page goes once a change is made: a flow session whose after_completion is a redirect goes to its
 * return_url; anything else (or a session no longer usable) back to the portal (null).
 */
export async function flowRedirect(db: Db, p: PortalTarget): Promise<string | null> {
  const session = await openPortalSession(db, { id: p.sessionId, token: p.token, now: p.now });
  const after = session?.flow?.after_completion;
  return after?.type === 'redirect' ? (after.redirect?.return_url ?? null) : null;
}
