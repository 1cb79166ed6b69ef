import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from '@/i18n/locales';
import { loadPortalPage } from '@/lib/billing-portal/portal-page-view';

/** The portal session behind /p/:sessionId/:token, read once per request (layout, metadata and page share it). */
export const loadPortal = cache(async (sessionId: string, token: string) => {
  const acceptLanguage = (await headers()).get('accept-language');
  const page = await loadPortalPage(await getDb(), { sessionId, token, acceptLanguage });
  // No usable session: the expired page speaks the browser's language.
  return { page, locale: page?.locale ?? localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE };
});
