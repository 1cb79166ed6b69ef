import { createTranslator } from 'next-intl';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import fr from '@/messages/fr.json';
import it from '@/messages/it.json';
import ja from '@/messages/ja.json';
import nl from '@/messages/nl.json';
import pl from '@/messages/pl.json';
import ptBR from '@/messages/pt-BR.json';
import zh from '@/messages/zh.json';
import type { MessageLocale } from '@/i18n/locales';

// Static imports rather than i18n/request.ts: receipts are rendered inside the
// payment transaction, outside any request, and the bundler must see every file.
const MESSAGES: Record<MessageLocale, typeof en> = { en, fr, de, es, it, nl, 'pt-BR': ptBR, ja, zh, pl };

/** The Receipt namespace in one locale: the same catalogue and formatter as the checkout page. */
export function receiptTranslator(locale: MessageLocale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: 'Receipt' });
}

export type ReceiptT = ReturnType<typeof receiptTranslator>;

/** The whole catalogue of one locale, for the other documents rendered outside a request (invoices, their emails and PDFs). */
export function messageCatalogue(locale: MessageLocale): typeof en {
  return MESSAGES[locale];
}
