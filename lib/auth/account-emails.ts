import { createTranslator } from 'next-intl';
import type { Queryable } from '@/db/client';
import { insertEmail } from '@/db/queries/email-outbox';
import type { DashboardLocale } from '@/i18n/dashboard';
import en from '@/messages/dashboard/en/emails.json';
import fr from '@/messages/dashboard/fr/emails.json';
import { env } from '@/lib/env';
import { escapeHtml } from '@/lib/receipts/receipt-html';
import { seal } from '@/lib/security/secret-keys';
import { newId } from '@/lib/util/ids';
import { LINK_LIFETIME_MINUTES } from './email-links';

/**
 * The dashboard's own emails (they belong to no merchant account). Their bodies carry a one-time
 * link, so they are sealed in the outbox with a key outside the database (lib/receipts/send-emails.ts
 * opens them to send): the outbox table holds no usable link either.
 */

export type AccountEmail =
  | { kind: 'sign_up_link'; to: string; url: string; businessName: string }
  | { kind: 'account_exists'; to: string; url: string }
  | { kind: 'sign_in_link'; to: string; url: string };

const MESSAGES = { en, fr };

export function renderAccountEmail(email: AccountEmail, locale: DashboardLocale): { subject: string; text: string; html: string } {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: email.kind });
  const minutes = LINK_LIFETIME_MINUTES[email.kind === 'sign_up_link' ? 'sign-up' : 'sign-in'];
  const subject = t('subject');
  const intro = email.kind === 'sign_up_link' ? t('intro', { businessName: email.businessName }) : t('intro');
  const signIn = email.kind === 'account_exists' ? [t('sign_in', { url: `${env().APP_URL}/dashboard/sign-in` })] : [];
  const action = t('action', { minutes });
  const text = [intro, ...signIn, `${action}\n${email.url}`, t('ignore')].join('\n\n');
  const p = (s: string, style = '') => `<p style="margin:0 0 16px;${style}">${escapeHtml(s)}</p>`;
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;background:#f3f4f6;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#111827;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;"><tr><td style="padding:24px;">
<h1 style="margin:0 0 16px;font-size:20px;">${escapeHtml(subject)}</h1>
${p(intro)}${signIn.map((s) => p(s)).join('')}${p(action)}
<p style="margin:0 0 16px;"><a href="${escapeHtml(email.url)}" style="display:inline-block;background:#111827;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600;">${escapeHtml(t('button'))}</a></p>
${p(email.url, 'font-size:12px;color:#6b7280;word-break:break-all;')}${p(t('ignore'), 'font-size:13px;color:#6b7280;')}
</td></tr></table></td></tr></table></body></html>`;
  return { subject, text, html };
}

/** Queues the email in the outbox, sealed; the email worker sends it. */
export async function queueAccountEmail(db: Queryable, email: AccountEmail, locale: DashboardLocale): Promise<string> {
  const { subject, text, html } = renderAccountEmail(email, locale);
  const id = newId('em');
  await insertEmail(db, {
    id,
    accountId: null,
    kind: email.kind,
    to: email.to,
    subject,
    text: seal(text, 'sign-in-links'),
    html: seal(html, 'sign-in-links'),
  });
  return id;
}
