import { cookies, headers } from 'next/headers';
import type { AbstractIntlMessages } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { DASHBOARD_LOCALE_COOKIE, dashboardLocale, dashboardMessages } from './dashboard';
import { DEFAULT_LOCALE, matchLocale } from './locales';

const checkoutMessages = async (locale: string) =>
  ((await import(`../messages/${locale}.json`)) as { default: AbstractIntlMessages }).default;

// The checkout page sets the locale per request (setRequestLocale) from the session and
// Accept-Language: URLs carry no locale prefix. Requests that set none (the dashboard) get
// the dashboard's language, from its cookie or Accept-Language.
// eslint-disable-next-line @typescript-eslint/no-deprecated -- requestLocale carries what the checkout page set with setRequestLocale; next/root-params, its replacement, reads a [locale] segment, which these URLs do not have
export default getRequestConfig(async ({ requestLocale, locale: explicit }) => {
  const requested = explicit ?? (await requestLocale);
  if (requested) {
    const locale = matchLocale(requested) ?? DEFAULT_LOCALE;
    return { locale, messages: await checkoutMessages(locale) };
  }
  const locale = dashboardLocale((await cookies()).get(DASHBOARD_LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
  return { locale, messages: { ...(await checkoutMessages(locale)), ...(await dashboardMessages(locale)) } };
});
