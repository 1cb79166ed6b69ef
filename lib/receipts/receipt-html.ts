import { textDirection } from '@/i18n/locales';
import type { ReceiptView } from './render-receipt';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every merchant or customer string goes through this: product names and addresses are untrusted. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** A label and its value at the line's end (the right in English, the left in Arabic or Hebrew): mail clients do not all know text-align:end. */
const row = (end: string, label: string, value: string, strong = false) => {
  const w = strong ? 'font-weight:600;' : '';
  return `<tr><td style="padding:4px 0;${w}">${escapeHtml(label)}</td><td style="padding:4px 0;text-align:${end};${w}">${escapeHtml(value)}</td></tr>`;
};

const block = (lines: string[]) => lines.map(escapeHtml).join('<br>');

/**
 * Table layout with inline styles: mail clients ignore stylesheets and most CSS.
 * Colours come from resolveTheme, which only returns canonical #rrggbb, so they
 * are safe to inline; everything else is escaped.
 */
export function receiptHtml(v: ReceiptView): string {
  const dir = textDirection(v.locale);
  const end = dir === 'rtl' ? 'left' : 'right';
  const items = v.items
    .map(
      (i) =>
        `<tr><td style="padding:6px 0;">${escapeHtml(i.name)}<br><span style="color:#6b7280;font-size:13px;">${escapeHtml(i.detail)}</span></td><td style="padding:6px 0;text-align:${end};vertical-align:top;">${escapeHtml(i.amount)}</td></tr>`,
    )
    .join('');
  const totals = v.totals.map(([k, val], n) => row(end, k, val, n === v.totals.length - 1)).join('');
  const logo = v.logoUrl ? `<img src="${escapeHtml(v.logoUrl)}" alt="" height="32" style="display:block;margin-bottom:8px;">` : '';
  const section = (title: string, body: string) =>
    `<h2 style="font-size:14px;margin:24px 0 8px;color:#374151;">${escapeHtml(title)}</h2>${body}`;
  const status = v.status
    ? `<p style="margin:0 0 16px;"><strong>${escapeHtml(v.status.label)}</strong> — ${escapeHtml(v.status.detail)}</p>`
    : '';
  const note = v.note ? `<p style="margin:12px 0 0;color:#374151;font-size:14px;">${escapeHtml(v.note)}</p>` : '';
  const link = v.link
    ? `<p style="margin:20px 0 0;"><a href="${escapeHtml(v.link.url)}" style="display:inline-block;padding:10px 16px;border-radius:6px;background:${v.colors.brand};color:${v.colors.brandText};text-decoration:none;font-weight:600;">${escapeHtml(v.link.label)}</a></p>`
    : '';
  const refunds = v.refunds
    ? section(
        v.refunds.title,
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0">${v.refunds.rows
          .map(
            (r) =>
              `<tr><td style="padding:4px 0;">${escapeHtml(r.date)}<br><span style="color:#6b7280;font-size:13px;">${escapeHtml(r.status)}</span></td><td style="padding:4px 0;text-align:${end};vertical-align:top;">${escapeHtml(r.amount)}</td></tr>`,
          )
          .join('')}${row(end, v.refunds.total[0], v.refunds.total[1], true)}</table>`,
      )
    : '';
  return `<!doctype html>
<html lang="${v.locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(v.subject)}</title></head>
<body style="margin:0;background:#f3f4f6;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#111827;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;overflow:hidden;">
<tr><td style="background:${v.colors.brand};color:${v.colors.brandText};padding:24px;">${logo}<h1 style="margin:0;font-size:20px;">${escapeHtml(v.heading)}</h1><div style="margin-top:4px;font-size:14px;">${escapeHtml(v.number)}</div></td></tr>
<tr><td style="padding:24px;">
${status}<table role="presentation" width="100%" cellpadding="0" cellspacing="0">${v.facts.map(([k, val]) => row(end, k, val)).join('')}</table>
${note}${link}
${section(v.summaryTitle, `<table role="presentation" width="100%" cellpadding="0" cellspacing="0">${items}</table>`)}
<hr style="border:0;border-top:1px solid #e5e7eb;margin:12px 0;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0">${totals}</table>
${v.taxNote ? `<p style="margin:8px 0 0;color:#374151;font-size:13px;">${escapeHtml(v.taxNote)}</p>` : ''}
${refunds}
${v.shipTo ? section(v.shipTo.title, `<p style="margin:0;">${block(v.shipTo.lines)}</p>`) : ''}
${v.contact.length ? `<p style="margin:24px 0 0;color:#374151;font-size:14px;">${block(v.contact)}</p>` : ''}
<p style="margin:24px 0 0;color:#6b7280;font-size:12px;">${escapeHtml(v.footer)}</p>
</td></tr></table>
</td></tr></table>
</body></html>
`;
}
