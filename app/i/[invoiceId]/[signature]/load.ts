import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from '@/i18n/locales';
import { loadInvoicePage } from '@/lib/billing/invoices/invoice-page-view';

/** The invoice behind /i/:invoiceId/:signature, read once per request (layout, metadata and page share it). */
export const loadInvoice = cache(async (invoiceId: string, signature: string) => {
  const acceptLanguage = (await headers()).get('accept-language');
  const db = await getDb();
  const page = await loadInvoicePage(db, { invoiceId, signature, acceptLanguage });
  // No invoice: the not-found page speaks the browser's language.
  return { db, page, locale: page?.locale ?? localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE };
});
