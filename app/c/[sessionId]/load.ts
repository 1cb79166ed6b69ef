import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { accountDefaultLocale } from '@/db/queries/account-settings';
import { findSessionById } from '@/db/queries/public-session';
import { expireIfDue } from '@/lib/checkout/expire-if-due';
import { checkoutLocale } from '@/i18n/locales';

/** The session behind /c/:id, read once per request (layout and page share it), expired if its time is up. */
export const loadCheckout = cache(async (sessionId: string) => {
  const db = await getDb();
  const found = await findSessionById(db, sessionId);
  const session = found ? await expireIfDue(db, found) : null;
  const accountDefault = session ? await accountDefaultLocale(db, session.accountId) : null;
  const locale = checkoutLocale(session?.locale ?? null, (await headers()).get('accept-language'), accountDefault);
  return { db, session, locale };
});
