import { createTranslator } from 'next-intl';
import { CATALOGUES, type MessageCatalogue } from '@/i18n/catalogues';
import type { MessageLocale } from '@/i18n/locales';

/** The Receipt namespace in one locale: the same catalogue and formatter as the checkout page. */
export function receiptTranslator(locale: MessageLocale) {
  return createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'Receipt' });
}

export type ReceiptT = ReturnType<typeof receiptTranslator>;

/** The Tax namespace in one locale: the tax lines and notes documents print. */
export function taxTranslator(locale: MessageLocale) {
  return createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'Tax' });
}

/** The whole catalogue of one locale, for the other documents rendered outside a request (invoices, their emails and PDFs). */
export function messageCatalogue(locale: MessageLocale): MessageCatalogue {
  return CATALOGUES[locale];
}
