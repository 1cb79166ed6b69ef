import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '../../../globals.css';
import { loadPortal } from './load';
import { textDirection } from '@/i18n/locales';

// The token in the URL is the customer's key: never sent on as a Referer, never indexed.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: 'same-origin' };

type Params = Promise<{ sessionId: string; token: string }>;

export default async function PortalLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { sessionId, token } = await params;
  const { locale } = await loadPortal(sessionId, token);
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body>{children}</body>
    </html>
  );
}
