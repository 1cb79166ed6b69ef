import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import '../globals.css';

export const metadata: Metadata = { title: { template: '%s · Caisse', default: 'Caisse' }, robots: { index: false, follow: false } };

export default async function DashboardRoot({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const { Dashboard }: AbstractIntlMessages = await getMessages();
  return (
    <html lang={locale}>
      <body className="dashboard-theme min-h-screen">
        {/* Client components get the dashboard's messages only, not the checkout's. */}
        <NextIntlClientProvider locale={locale} messages={{ Dashboard }}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
