import 'server-only';
import type { Db } from '@/db/client';
import { parseParams } from '@/lib/api/parse-params';
import { retrievePrice } from '@/lib/catalog/prices';
import { createSessionRow } from '@/lib/checkout/create-session';
import { sessionObject } from '@/lib/checkout/session-reads';
import { present } from '@/lib/util/present';
import { createCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';
import { checkoutSessionParams, type CheckoutSessionFormValues } from '@/lib/validation/dashboard-checkout-session';

/**
 * A Checkout Session from the dashboard form, made exactly as POST /v1/checkout/sessions makes
 * one: the form becomes the API's parameters, the API's schema checks them, and lib/checkout
 * creates the session. The mode follows the chosen prices: any recurring price makes it a
 * subscription.
 */
export async function createDashboardSession(db: Db, scope: { accountId: string }, v: CheckoutSessionFormValues) {
  const chosen = v.items.filter((i) => i.selected);
  // Read through the account's scope: another account's price id is "No such price".
  const prices = await Promise.all(chosen.map((i) => retrievePrice(db, { accountId: scope.accountId, id: i.price })));
  const mode = prices.some((p) => p.type === 'recurring') ? 'subscription' : 'payment';
  const p = parseParams(createCheckoutSessionSchema, checkoutSessionParams(v, mode));
  const row = await createSessionRow(db, scope, p);
  // On the merchant's verified custom domain when there is one, like the API's answer.
  const session = sessionObject(row, row.checkoutOrigin);
  // Sessions made here are hosted ones, which have a URL.
  return { id: session.id, url: present(session.url, `hosted session ${session.id}'s url`) };
}
