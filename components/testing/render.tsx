import { render, type RenderResult } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement } from 'react';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

const MESSAGES = { en, fr };
export type TestLocale = keyof typeof MESSAGES;

/**
 * Renders a checkout component under next-intl with the real messages, all of them: the page's server components
 * (the totals, the pay label) read theirs on the server. That the page's client components find theirs among what the
 * page sends is lib/checkout/client-messages.test.ts's check.
 */
export function renderCheckout(ui: ReactElement, { locale = 'en' }: { locale?: TestLocale } = {}): RenderResult {
  // A wrapper rather than a parent element, so that rerender() keeps the provider.
  return render(ui, {
    wrapper: ({ children }) => (
      <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
        {children}
      </NextIntlClientProvider>
    ),
  });
}
