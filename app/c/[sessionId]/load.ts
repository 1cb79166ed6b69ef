import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { accountDefaultLocale } from '@/db/queries/account-settings';
import { findSessionById } from '@/db/queries/public-session';
import { expireIfDue } from '@/lib/checkout/expire-if-due';
import { checkoutLocale, requestedLocale } from '@/i18n/locales';

/** The session behind /c/:id, read once per request (layout and page share it), expired if its time is up. */
export const loadCheckout = cache(async (sessionId: string) => {
  const db = await getDb();
  const found = await findSessionById(db, sessionId);
  const session = found ? await expireIfDue(db, found) : null;
  const acceptLanguage = (await headers()).get('accept-language');
  // The account's default language is read only when neither the session nor the browser decides.
  const locale =
    requestedLocale(session?.locale ?? null, acceptLanguage) ??
    checkoutLocale(null, null, session ? await accountDefaultLocale(db, session.accountId) : null);
  return { db, session, locale };
});
