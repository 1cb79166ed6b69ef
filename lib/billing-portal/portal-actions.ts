import 'server-only';
import type { Db } from '@/db/client';
import type { PortalSessionRow } from '@/db/queries/billing-portal-sessions';
import { findPaymentMethod } from '@/db/queries/payment-methods';
import { lockSubscription } from '@/db/queries/subscriptions';
import { noSuchObject } from '@/lib/api/errors';
import { billingNow } from '@/lib/billing/clock';
import { setCancelAtPeriodEnd } from '@/lib/billing/subscriptions/cancel-subscription';
import { detachPaymentMethod } from '@/lib/payments/payment-methods/manage-payment-methods';
import { makeCardTheDefault } from './portal-default-card';
import { openWithFeature, refusedOnApiError, type PortalActionResult, type PortalTarget as Target } from './portal-access';

/**
 * What the portal page's forms do, each through the code the API uses (and so with the same events).
 * Every action opens the session again from its id and token, checks that the configuration enables it,
 * and acts only on an object of the session's own customer: an id posted by the form is never trusted.
 * Switching plans is portal-plan-switch.ts; canceling now, portal-cancel-now.ts.
 */
export type { PortalActionResult } from './portal-access';

async function sessionWith(db: Db, p: Target, feature: 'payment_method_update'): Promise<PortalSessionRow | null> {
  return (await openWithFeature(db, p, feature))?.session ?? null;
}

async function ownCard(db: Db, session: PortalSessionRow, paymentMethodId: string) {
  const method = await findPaymentMethod(db, { accountId: session.accountId, id: paymentMethodId });
  // Once detached a method is spent for good: one attached to this customer now can only stay theirs or be spent.
  return method?.customerId === session.customerId && method.type === 'card' ? method : null;
}

/** "Make default": the card pays the customer's invoices and subscriptions from now on (portal-default-card.ts). */
export async function portalSetDefaultCard(db: Db, p: Target & { paymentMethodId: string }): Promise<PortalActionResult> {
  const session = await sessionWith(db, p, 'payment_method_update');
  if (!session) return 'expired';
  const method = await ownCard(db, session, p.paymentMethodId);
  if (!method) return 'refused';
  // Detached or deleted meanwhile: "could not", with nothing written.
  return refusedOnApiError(() =>
    db.transaction(async (tx) => {
      const target = { accountId: session.accountId, customerId: session.customerId, paymentMethodId: method.id };
      if (!(await makeCardTheDefault(tx, target))) throw noSuchObject('PaymentMethod', method.id);
    }),
  );
}

/** "Remove": POST /v1/payment_methods/:id/detach. */
export async function portalRemoveCard(db: Db, p: Target & { paymentMethodId: string }): Promise<PortalActionResult> {
  const session = await sessionWith(db, p, 'payment_method_update');
  if (!session) return 'expired';
  const method = await ownCard(db, session, p.paymentMethodId);
  if (!method) return 'refused';
  return refusedOnApiError(() => detachPaymentMethod(db, { accountId: session.accountId, id: method.id }));
}

/**
 * "Cancel at period end" (true, under mode=at_period_end) and "Keep subscription" (false): cancel_at_period_end, as
 * the API's update sets it. With cancellation_reason enabled, the reason picked on the confirmation (one of the
 * configured options, else refused) becomes cancellation_details.feedback in the same update; none picked, none recorded.
 */
export async function portalSetCancelAtPeriodEnd(
  db: Db,
  p: Target & { subscriptionId: string; cancel: boolean; reason?: string },
): Promise<PortalActionResult> {
  const open = await openWithFeature(db, p, 'subscription_cancel');
  if (!open) return 'expired';
  const { session, features } = open;
  // Under mode=immediately "Cancel" ends a subscription now (portal-cancel-now.ts); only "Keep" is left here.
  if (p.cancel && features.subscription_cancel.mode !== 'at_period_end') return 'refused';
  const reasons = features.subscription_cancel.cancellation_reason;
  if (p.reason && !(p.cancel && reasons.enabled && reasons.options.includes(p.reason))) return 'refused';
  return refusedOnApiError(() =>
    db.transaction(async (tx) => {
      const sub = await lockSubscription(tx, { accountId: session.accountId, id: p.subscriptionId });
      // Another customer's subscription is as missing as an unknown one.
      if (sub?.customerId !== session.customerId) throw noSuchObject('subscription', p.subscriptionId);
      await setCancelAtPeriodEnd(tx, sub, p.cancel, await billingNow(tx, sub), undefined, p.reason || undefined);
    }),
  );
}
