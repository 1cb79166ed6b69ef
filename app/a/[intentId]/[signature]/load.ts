import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from '@/i18n/locales';
import { pendingIntentChallenge } from '@/lib/payments/intents/intent-challenge';

/** The challenge behind /a/:intentId/:signature, read once per request (layout, metadata and page share it), in the browser's language. */
export const loadIntentChallenge = cache(async (intentId: string, signature: string) => {
  const db = await getDb();
  const challenge = await pendingIntentChallenge(db, { intentId, signature });
  return { challenge, locale: localeFromAcceptLanguage((await headers()).get('accept-language')) ?? DEFAULT_LOCALE };
});
