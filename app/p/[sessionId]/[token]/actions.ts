'use server';

// The customer portal's server actions: plain form posts without JavaScript, bound by the page to its
// session id and token, each re-checked by lib/billing-portal/portal-actions.ts (the token, the feature,
// and that the object posted is the session's customer's).
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import {
  portalRemoveCard,
  portalSetCancelAtPeriodEnd,
  portalSetDefaultCard,
  type PortalActionResult,
} from '@/lib/billing-portal/portal-actions';
import { PORTAL_RETURN_COOKIE, portalStartAddCard } from '@/lib/billing-portal/portal-add-card';
import { portalCancelNow } from '@/lib/billing-portal/portal-cancel-now';
import { flowCompletion } from '@/lib/billing-portal/portal-access';
import { USABLE_FOR_MS } from '@/lib/billing-portal/open-portal-session';
import type { PortalFlow } from '@/db/schema';
import { env } from '@/lib/env';
import { portalUpdateContact } from '@/lib/billing-portal/portal-contact';
import { portalSwitchPlan } from '@/lib/billing-portal/portal-plan-switch';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, 255) : '';
};

const portalPath = (sessionId: string, token: string) => `/p/${encodeURIComponent(sessionId)}/${encodeURIComponent(token)}`;

/** Back to the portal with the result. */
function back(sessionId: string, token: string, result: PortalActionResult): never {
  redirect(`${portalPath(sessionId, token)}?result=${result}`);
}

/**
 * After a change to a subscription: when it is the change the session's flow is about, where its after_completion
 * leads (the redirect's return_url, or the portal showing the flow complete); else back(), as any change.
 */
async function afterSubscriptionChange(
  p: { sessionId: string; token: string; subscriptionId: string; flows: readonly PortalFlow['type'][] },
  result: PortalActionResult,
): Promise<never> {
  const completed = result === 'done' ? await flowCompletion(await getDb(), p) : null;
  if (!completed) back(p.sessionId, p.token, result);
  redirect(completed.returnUrl ?? `${portalPath(p.sessionId, p.token)}?result=done&flow=complete`);
}

// POST (server action) — make one of the customer's cards their default (invoice_settings.default_payment_method)
export async function setDefaultCardAction(sessionId: string, token: string, form: FormData): Promise<void> {
  back(sessionId, token, await portalSetDefaultCard(await getDb(), { sessionId, token, paymentMethodId: field(form, 'payment_method') }));
}

// POST (server action) — add a card: to a setup-mode checkout page for the customer, which leads back here
// (the browser keeps the portal's token in a cookie scoped to this portal session, read by /p/{id}/back)
export async function addCardAction(sessionId: string, token: string): Promise<void> {
  const started = await portalStartAddCard(await getDb(), { sessionId, token });
  if (typeof started === 'string') back(sessionId, token, started);
  (await cookies()).set(PORTAL_RETURN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env().APP_URL.startsWith('https:'),
    path: `/p/${sessionId}`,
    maxAge: USABLE_FOR_MS / 1000,
  });
  redirect(started.url);
}

// POST (server action) — remove one of the customer's cards (detach)
export async function removeCardAction(sessionId: string, token: string, form: FormData): Promise<void> {
  back(sessionId, token, await portalRemoveCard(await getDb(), { sessionId, token, paymentMethodId: field(form, 'payment_method') }));
}

// POST (server action) — cancel one of the customer's subscriptions at the end of its period (with the reason picked, if asked), or keep it
export async function cancelAtPeriodEndAction(sessionId: string, token: string, form: FormData): Promise<void> {
  const cancel = field(form, 'cancel') === 'true';
  const subscriptionId = field(form, 'subscription');
  await afterSubscriptionChange(
    { sessionId, token, subscriptionId, flows: cancel ? ['subscription_cancel'] : [] },
    await portalSetCancelAtPeriodEnd(await getDb(), { sessionId, token, subscriptionId, cancel, reason: field(form, 'reason') }),
  );
}

// POST (server action) — switch a subscription to another of the configuration's prices, as the confirmation showed it
export async function switchPlanAction(sessionId: string, token: string, form: FormData): Promise<void> {
  const subscriptionId = field(form, 'subscription');
  await afterSubscriptionChange(
    { sessionId, token, subscriptionId, flows: ['subscription_update', 'subscription_update_confirm'] },
    await portalSwitchPlan(await getDb(), {
      sessionId,
      token,
      subscriptionId,
      priceId: field(form, 'price'),
      prorationDate: field(form, 'proration_date'),
    }),
  );
}

// POST (server action) — cancel a subscription now, with the reason picked (features.subscription_cancel.mode=immediately)
export async function cancelNowAction(sessionId: string, token: string, form: FormData): Promise<void> {
  const subscriptionId = field(form, 'subscription');
  await afterSubscriptionChange(
    { sessionId, token, subscriptionId, flows: ['subscription_cancel'] },
    await portalCancelNow(await getDb(), { sessionId, token, subscriptionId, reason: field(form, 'reason') }),
  );
}

// POST (server action) — the customer's contact and billing details (features.customer_update: only the fields it allows)
export async function updateContactAction(sessionId: string, token: string, form: FormData): Promise<void> {
  const fields = Object.fromEntries(
    [...form.entries()].flatMap(([k, v]) => (typeof v === 'string' && !k.startsWith('$') ? [[k, v.slice(0, 500)]] : [])),
  );
  back(sessionId, token, await portalUpdateContact(await getDb(), { sessionId, token, form: fields }));
}
