import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from '@/i18n/locales';
import { loadPortalPage } from '@/lib/billing-portal/portal-page-view';
import { portalSwitchPreview } from '@/lib/billing-portal/portal-plan-switch';

/** The portal session behind /p/:sessionId/:token, read once per request (layout, metadata and page share it). */
export const loadPortal = cache(async (sessionId: string, token: string) => {
  const acceptLanguage = (await headers()).get('accept-language');
  const page = await loadPortalPage(await getDb(), { sessionId, token, acceptLanguage });
  // No usable session: the expired page speaks the browser's language.
  return { page, locale: page?.locale ?? localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE };
});

/** The confirmation of ?switch=<subscription>&price=<price>: null when that switch is not one the portal allows. */
export async function loadSwitchPreview(p: { sessionId: string; token: string; subscriptionId: string; priceId: string; locale: string }) {
  return portalSwitchPreview(await getDb(), { ...p, subscriptionId: p.subscriptionId.slice(0, 255), priceId: p.priceId.slice(0, 255) });
}
