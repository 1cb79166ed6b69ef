import { createTranslator } from 'next-intl';
import type { Queryable } from '@/db/client';
import { insertEmail } from '@/db/queries/email-outbox';
import { textDirection, type MessageLocale } from '@/i18n/locales';
import { env } from '@/lib/env';
import { escapeHtml } from '@/lib/receipts/receipt-html';
import { messageCatalogue } from '@/lib/receipts/receipt-translator';
import { seal } from '@/lib/security/secret-keys';
import { newId } from '@/lib/util/ids';
import { passDeleteUrl } from './pass-links';
import { PASS_CODE_MINUTES } from './pass-rules';

/** The email with a Pass's one-time code, in the page's language, with the link that deletes the Pass. */
export function renderPassCodeEmail(p: { code: string; passId: string; merchantName: string; locale: MessageLocale }) {
  const t = createTranslator({ locale: p.locale, messages: messageCatalogue(p.locale), namespace: 'Pass.email' });
  const subject = t('subject');
  const deleteUrl = passDeleteUrl(env().APP_URL, p.passId);
  const intro = t('intro', { merchant: p.merchantName, minutes: PASS_CODE_MINUTES });
  const ignore = t('ignore');
  const remove = t('delete');
  const text = [intro, p.code, ignore, `${remove}\n${deleteUrl}`].join('\n\n');
  const para = (s: string, style = '') => `<p style="margin:0 0 16px;${style}">${escapeHtml(s)}</p>`;
  const html = `<!doctype html>
<html lang="${p.locale}" dir="${textDirection(p.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;background:#f3f4f6;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#111827;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;"><tr><td style="padding:24px;">
<h1 style="margin:0 0 16px;font-size:20px;">Caisse Pass</h1>
${para(intro)}${para(p.code, 'font-size:28px;font-weight:700;letter-spacing:6px;')}${para(ignore, 'font-size:13px;color:#6b7280;')}
<p style="margin:0;font-size:13px;"><a href="${escapeHtml(deleteUrl)}" style="color:#6b7280;">${escapeHtml(remove)}</a></p>
</td></tr></table></td></tr></table></body></html>`;
  return { subject, text, html };
}

/**
 * Queues the code's email, sealed with a key outside the database (the email sender opens it): the outbox
 * table holds no usable code. It belongs to no merchant account: the Pass is the customer's, not theirs.
 */
export async function queuePassCodeEmail(
  db: Queryable,
  p: { to: string; code: string; passId: string; merchantName: string; locale: MessageLocale },
): Promise<void> {
  const { subject, text, html } = renderPassCodeEmail(p);
  await insertEmail(db, {
    id: newId('em'),
    accountId: null,
    kind: 'pass_code',
    to: p.to,
    subject,
    text: seal(text, 'sign-in-links'),
    html: seal(html, 'sign-in-links'),
  });
}
