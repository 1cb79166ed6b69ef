import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, matchLocale } from './locales';

// The checkout page sets the locale per request (setRequestLocale) from the session
// and Accept-Language: URLs carry no locale prefix.
export default getRequestConfig(async ({ requestLocale, locale: explicit }) => {
  const locale = matchLocale(explicit ?? (await requestLocale)) ?? DEFAULT_LOCALE;
  return { locale, messages: (await import(`../messages/${locale}.json`)).default };
});
