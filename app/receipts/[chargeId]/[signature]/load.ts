import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from '@/i18n/locales';
import { loadReceiptPage } from '@/lib/receipts/receipt-page-view';

/** The receipt behind /receipts/:chargeId/:signature, read once per request (layout, metadata and page share it). */
export const loadReceipt = cache(async (chargeId: string, signature: string) => {
  const acceptLanguage = (await headers()).get('accept-language');
  const page = await loadReceiptPage(await getDb(), { chargeId, signature, acceptLanguage });
  // No receipt: the not-found page speaks the browser's language.
  return { page, locale: page?.locale ?? localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE };
});
