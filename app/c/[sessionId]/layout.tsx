import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '../../globals.css';
import { loadCheckout } from './load';
import { textDirection } from '@/i18n/locales';

export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: 'same-origin' };

export default async function CheckoutLayout({ children, params }: { children: ReactNode; params: Promise<{ sessionId: string }> }) {
  const { locale } = await loadCheckout((await params).sessionId);
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body>{children}</body>
    </html>
  );
}
