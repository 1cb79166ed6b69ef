'use server';

// The customer portal's server actions: plain form posts without JavaScript, bound by the page to its
// session id and token, each re-checked by lib/billing-portal/portal-actions.ts (the token, the feature,
// and that the object posted is the session's customer's).
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import {
  portalRemoveCard,
  portalSetCancelAtPeriodEnd,
  portalSetDefaultCard,
  type PortalActionResult,
} from '@/lib/billing-portal/portal-actions';
import { portalStartAddCard } from '@/lib/billing-portal/portal-add-card';
import { portalCancelNow } from '@/lib/billing-portal/portal-cancel-now';
import { flowRedirect } from '@/lib/billing-portal/portal-access';
import { portalUpdateContact } from '@/lib/billing-portal/portal-contact';
import { portalSwitchPlan } from '@/lib/billing-portal/portal-plan-switch';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, 255) : '';
};

/** Back to the portal with the result; a change made in a flow whose after_completion is a redirect goes there instead. */
async function back(sessionId: string, token: string, result: PortalActionResult): Promise<never> {
  const away = result === 'done' ? await flowRedirect(await getDb(), { sessionId, token }) : null;
  redirect(away ?? `/p/${encodeURIComponent(sessionId)}/${encodeURIComponent(token)}?result=${result}`);
}

// POST (server action) — make one of the customer's cards their default (invoice_settings.default_payment_method)
export async function setDefaultCardAction(sessionId: string, token: string, form: FormData): Promise<void> {
  await back(
    sessionId,
    token,
    await portalSetDefaultCard(await getDb(), { sessionId, token, paymentMethodId: field(form, 'payment_method') }),
  );
}

// POST (server action) — add a card: to a setup-mode checkout page for the customer, which leads back here
export async function addCardAction(sessionId: string, token: string): Promise<void> {
  const started = await portalStartAddCard(await getDb(), { sessionId, token });
  if (typeof started === 'string') await back(sessionId, token, started);
  else redirect(started.url);
}

// POST (server action) — remove one of the customer's cards (detach)
export async function removeCardAction(sessionId: string, token: string, form: FormData): Promise<void> {
  await back(sessionId, token, await portalRemoveCard(await getDb(), { sessionId, token, paymentMethodId: field(form, 'payment_method') }));
}

// POST (server action) — cancel one of the customer's subscriptions at the end of its period (with the reason picked, if asked), or keep it
export async function cancelAtPeriodEndAction(sessionId: string, token: string, form: FormData): Promise<void> {
  const cancel = field(form, 'cancel') === 'true';
  await back(
    sessionId,
    token,
    await portalSetCancelAtPeriodEnd(await getDb(), {
      sessionId,
      token,
      subscriptionId: field(form, 'subscription'),
      cancel,
      reason: field(form, 'reason'),
    }),
  );
}

// POST (server action) — switch a subscription to another of the configuration's prices, as the confirmation showed it
export async function switchPlanAction(sessionId: string, token: string, form: FormData): Promise<void> {
  await back(
    sessionId,
    token,
    await portalSwitchPlan(await getDb(), {
      sessionId,
      token,
      subscriptionId: field(form, 'subscription'),
      priceId: field(form, 'price'),
      prorationDate: field(form, 'proration_date'),
    }),
  );
}

// POST (server action) — cancel a subscription now, with the reason picked (features.subscription_cancel.mode=immediately)
export async function cancelNowAction(sessionId: string, token: string, form: FormData): Promise<void> {
  await back(
    sessionId,
    token,
    await portalCancelNow(await getDb(), { sessionId, token, subscriptionId: field(form, 'subscription'), reason: field(form, 'reason') }),
  );
}

// POST (server action) — the customer's contact and billing details (features.customer_update: only the fields it allows)
export async function updateContactAction(sessionId: string, token: string, form: FormData): Promise<void> {
  const fields = Object.fromEntries(
    [...form.entries()].flatMap(([k, v]) => (typeof v === 'string' && !k.startsWith('$') ? [[k, v.slice(0, 500)]] : [])),
  );
  await back(sessionId, token, await portalUpdateContact(await getDb(), { sessionId, token, form: fields }));
}
