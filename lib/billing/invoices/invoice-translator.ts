import { createTranslator } from 'next-intl';
import type { MessageLocale } from '@/i18n/locales';
import { messageCatalogue } from '@/lib/receipts/receipt-translator';

/** The Invoice namespace in one locale: the hosted invoice page, its PDF and the invoice emails say the same words. */
export function invoiceTranslator(locale: MessageLocale) {
  return createTranslator({ locale, messages: messageCatalogue(locale), namespace: 'Invoice' });
}

/** The checkout's error messages (card declines) in one locale, for an email that tells why a payment failed. */
export function errorsTranslator(locale: MessageLocale) {
  return createTranslator({ locale, messages: messageCatalogue(locale), namespace: 'Errors' });
}

export type InvoiceT = ReturnType<typeof invoiceTranslator>;
