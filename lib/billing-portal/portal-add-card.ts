import 'server-only';
import type { Db } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import { nextRenewingSubscriptionOf } from '@/db/queries/subscriptions';
import { getAccount } from '@/db/queries/accounts';
import { matchLocale } from '@/i18n/locales';
import { ApiError } from '@/lib/api/errors';
import { createSessionRow } from '@/lib/checkout/create-session';
import { MIN_EXPIRY_SECONDS } from '@/lib/checkout/session-rules';
import { env } from '@/lib/env';
import { unix } from '@/lib/util/time';
import { createCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';
import { CHECKOUT_LOCALES } from '@/lib/validation/checkout-session-parts';
import { portalUsableUntil } from './open-portal-session';
import { openWithFeature, type PortalTarget } from './portal-access';

/** The cookie, scoped to /p/{portal session}, holding the portal's token while its customer adds a card. */
export const PORTAL_RETURN_COOKIE = 'caisse_portal';

/** The checkout locale closest to the portal session's, or none (the checkout page then reads the browser's, as the portal did). */
function checkoutLocaleOf(portalLocale: string | null): string | undefined {
  if (!portalLocale || portalLocale === 'auto') return undefined;
  const known = (l: string | null) => (l && (CHECKOUT_LOCALES as readonly string[]).includes(l) ? l : undefined);
  return known(portalLocale) ?? known(matchLocale(portalLocale));
}

/**
 * "Add a card" (features.payment_method_update): a Checkout Session in setup mode for the portal's customer,
 * made through the API's own createSessionRow, as Stripe's guide to updating a subscription's card does it.
 * The customer enters the card on the checkout page (3-D Secure when the card asks); completing the session
 * attaches it to them, and — because the portal made it (`portal_session_id`) — makes it their default and
 * their subscriptions' (complete-session.ts → portal-default-card.ts). Either way back to this portal page.
 * Returns the checkout page's URL, or the page's "expired" / "refused".
 */
export async function portalStartAddCard(db: Db, p: PortalTarget): Promise<{ url: string } | 'expired' | 'refused'> {
  const open = await openWithFeature(db, p, 'payment_method_update');
  if (!open) return 'expired';
  const { session } = open;
  const scope = { accountId: session.accountId };
  const customer = await findCustomer(db, { accountId: session.accountId, id: session.customerId });
  if (!customer) return 'refused';
  // The currency a setup session asks for: the subscriptions' the card will pay, else the account's.
  const renewing = await nextRenewingSubscriptionOf(db, { accountId: session.accountId, customerId: customer.id });
  const currency = renewing?.currency ?? (await getAccount(db, session.accountId))?.defaultCurrency ?? 'usd';
  const now = p.now ?? new Date();
  // Back through /p/{id}/back, which finds the token in the browser's cookie (PORTAL_RETURN_COOKIE): the token itself
  // stays out of the checkout session, whose URLs the merchant's API, events and webhooks show.
  const back = `${env().APP_URL}/p/${encodeURIComponent(session.id)}/back`;
  const params = createCheckoutSessionSchema.parse({
    mode: 'setup',
    customer: customer.id,
    currency,
    payment_method_types: ['card'],
    // In a payment_method_update flow that ends with a redirect, the card saved ends it there.
    success_url:
      (session.flow?.after_completion.type === 'redirect' && session.flow.after_completion.redirect?.return_url) ||
      `${back}?result=card_added`,
    cancel_url: back,
    locale: checkoutLocaleOf(session.locale),
    // As long as the portal it leads back to stays usable (but the 30 minutes and a little Checkout needs at least).
    expires_at: Math.max(unix(now) + MIN_EXPIRY_SECONDS + 60, unix(portalUsableUntil(session.openedAt ?? now))),
  });
  try {
    const created = await createSessionRow(db, scope, params, now, { portalSessionId: session.id });
    return { url: `${created.checkoutOrigin}/c/${created.id}` };
  } catch (e) {
    // The customer deleted meanwhile, say: the page's "could not", never a 500.
    if (e instanceof ApiError) return 'refused';
    throw e;
  }
}
