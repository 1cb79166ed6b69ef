import type { Page } from '@playwright/test';
import type Stripe from 'stripe';
import { monthlyPrice, oneTimePrice } from './catalog';
import { defined } from './defined';
import { paidSession } from './paid-session';

// The billing dashboard's specs (e2e/dashboard-subscriptions.spec.ts, dashboard-invoices.spec.ts): their
// subscriptions are started as checkout starts them, by a subscription session paid on its page.

export type Subscribed = { subscriptionId: string; invoiceId: string; customerId: string; chargeId: string };

/**
 * A subscription to "Membership" at €15.00 a month, with a "Welcome kit" at €25.00 bought once in the
 * same cart: the session paid by card makes the subscription and its first invoice, paid.
 */
export async function subscribed(stripe: Stripe): Promise<Subscribed> {
  const [membership, kit] = [await monthlyPrice(stripe, 1500, 'eur', 'Membership'), await oneTimePrice(stripe, 2500, 'eur', 'Welcome kit')];
  const { session, chargeId } = await paidSession(stripe, {
    params: {
      mode: 'subscription',
      line_items: [
        { price: membership.id, quantity: 1 },
        { price: kit.id, quantity: 1 },
      ],
    },
  });
  return {
    subscriptionId: defined(session.subscription as string | null, 'session.subscription'),
    invoiceId: defined(session.invoice as string | null, 'session.invoice'),
    customerId: defined(session.customer as string | null, 'session.customer'),
    chargeId,
  };
}

/** The ids a list page links to, in order, from the links of `testId` (subscription-link, invoice-link, customer-link). */
export async function listedIds(page: Page, testId: string): Promise<string[]> {
  const hrefs = await page.getByTestId(testId).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => defined(h.split('/').pop(), `an id in ${h}`));
}
