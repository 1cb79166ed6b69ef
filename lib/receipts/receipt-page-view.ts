import type { Queryable } from '@/db/client';
import { findChargeById } from '@/db/queries/charges';
import { refundsOfChargeOldestFirst } from '@/db/queries/refunds';
import type { MessageLocale } from '@/i18n/locales';
import { mergeBranding, resolveTheme, type Theme } from '@/lib/branding/theme';
import { merchantIdentity } from '@/lib/checkout/page-view';
import { loadReceiptSource, receiptInput, receiptLocale } from './receipt-input';
import { receiptSignatureValid } from './receipt-url';
import { receiptView, type ReceiptView } from './render-receipt';

/** What the hosted receipt page shows: plain data, every string already in the customer's language. */
export type ReceiptPageView = {
  locale: MessageLocale;
  livemode: boolean;
  merchant: { name: string; logoUrl: string | null };
  /** The checkout's theme (the session's branding over the account's), so the receipt looks like the page the customer paid on. */
  theme: Theme;
  receipt: ReceiptView;
};

/**
 * The page at /receipts/{charge id}/{signature}, or null — alike for a signature that is not this
 * installation's, an unknown charge, and a failed one (which has no receipt_url), so the answer tells
 * nothing about which. The signature is checked before anything is read.
 */
export async function loadReceiptPage(
  db: Queryable,
  p: { chargeId: string; signature: string; acceptLanguage: string | null },
): Promise<ReceiptPageView | null> {
  if (!receiptSignatureValid(p.chargeId, p.signature)) return null;
  const charge = await findChargeById(db, p.chargeId);
  if (!charge || charge.status === 'failed') return null;
  const src = await loadReceiptSource(db, charge);
  if (!src) return null;
  const refunds = await refundsOfChargeOldestFirst(db, { accountId: charge.accountId, chargeId: charge.id });
  const locale = receiptLocale(src, p.acceptLanguage);
  const brandingSettings = src.session?.brandingSettings ?? null;
  const identity = merchantIdentity(src.account, brandingSettings);
  return {
    locale,
    livemode: charge.livemode,
    merchant: { name: identity.name, logoUrl: identity.logoUrl ?? identity.iconUrl },
    theme: resolveTheme(mergeBranding(src.account.branding, brandingSettings)),
    receipt: receiptView(receiptInput(src, { locale, refunds })),
  };
}
