import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '../../../globals.css';
import { loadReceipt } from './load';
import { textDirection } from '@/i18n/locales';

// The signature in the URL is the customer's key: never sent on as a Referer, never indexed.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: 'same-origin' };

type Params = Promise<{ chargeId: string; signature: string }>;

export default async function ReceiptLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { chargeId, signature } = await params;
  const { locale } = await loadReceipt(chargeId, signature);
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body>{children}</body>
    </html>
  );
}
