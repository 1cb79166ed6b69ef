import type { Page } from '@playwright/test';
import type Stripe from 'stripe';
import { defined } from './defined';
import { paidSubscription } from './paid-session';

// The billing dashboard's specs (e2e/dashboard-subscriptions.spec.ts, dashboard-invoices.spec.ts).

export type Subscribed = { subscriptionId: string; invoiceId: string; customerId: string; chargeId: string };

/**
 * A subscription to "Pro plan" at €15.00 a month with a "Setup fee" of €25.00 in the same cart, bought
 * on the session's page by card (paidSubscription): the subscription and its first invoice, paid, with the
 * customer and the charge that paid it.
 */
export async function subscribed(stripe: Stripe): Promise<Subscribed> {
  const { session, subscriptionId, invoiceId } = await paidSubscription(stripe, { unitAmount: 1500, oneTimeAmount: 2500 });
  const intent = await stripe.paymentIntents.retrieve(defined(session.payment_intent as string | null, 'session.payment_intent'));
  return {
    subscriptionId,
    invoiceId,
    customerId: defined(session.customer as string | null, 'session.customer'),
    chargeId: defined(intent.latest_charge as string | null, 'intent.latest_charge'),
  };
}

/** The ids a list page links to, in order, from the links of `testId` (subscription-link, invoice-link, customer-link). */
export async function listedIds(page: Page, testId: string): Promise<string[]> {
  const hrefs = await page.getByTestId(testId).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => defined(h.split('/').pop(), `an id in ${h}`));
}
