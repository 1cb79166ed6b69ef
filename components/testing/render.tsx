import { render, type RenderResult } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement } from 'react';
import { checkoutClientMessages } from '@/lib/checkout/client-messages';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

const MESSAGES = { en, fr };
export type TestLocale = keyof typeof MESSAGES;

/** Renders a checkout component the way the page does: under next-intl with the real messages, as many as the page sends. */
export function renderCheckout(ui: ReactElement, { locale = 'en' }: { locale?: TestLocale } = {}): RenderResult {
  // A wrapper rather than a parent element, so that rerender() keeps the provider.
  return render(ui, {
    wrapper: ({ children }) => (
      <NextIntlClientProvider locale={locale} messages={checkoutClientMessages(MESSAGES[locale])} timeZone="UTC">
        {children}
      </NextIntlClientProvider>
    ),
  });
}
