import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '../../../globals.css';
import { loadPassPage } from './load';
import { textDirection } from '@/i18n/locales';

// The signature in the URL is the Pass owner's key: never sent on as a Referer, never indexed.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: 'same-origin' };

type Params = Promise<{ passId: string; signature: string }>;

export default async function PassLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { passId, signature } = await params;
  const { locale } = await loadPassPage(passId, signature);
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body>{children}</body>
    </html>
  );
}
