import { localeFromAcceptLanguage } from './locales';
import type { AbstractIntlMessages } from 'next-intl';

/** Locales the dashboard ships complete messages for (the checkout ships more). */
export const DASHBOARD_LOCALES = ['en', 'fr'] as const;
export type DashboardLocale = (typeof DASHBOARD_LOCALES)[number];

/**
 * One message file per dashboard area and locale (messages/dashboard/<locale>/<area>.json),
 * read as the namespace `Dashboard.<area>`.
 */
export const DASHBOARD_AREAS = [
  'shell',
  'auth',
  'emails',
  'home',
  'sessions',
  'payments',
  'customers',
  'subscriptions',
  'invoices',
  'catalog',
  'branding',
  'domains',
  'developers',
  'settings',
] as const;
export type DashboardArea = (typeof DASHBOARD_AREAS)[number];

export const DASHBOARD_LOCALE_COOKIE = 'caisse_dashboard_locale';

/** The chosen dashboard language (cookie), else the browser's first the dashboard speaks, else English. */
export function dashboardLocale(cookie: string | undefined, acceptLanguage: string | null): DashboardLocale {
  const fromCookie = DASHBOARD_LOCALES.find((l) => l === cookie);
  if (fromCookie) return fromCookie;
  const header = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => DASHBOARD_LOCALES.some((l) => part.toLowerCase().startsWith(l)))
    .join(',');
  // The language, not its regional variant: a Canadian browser (fr-CA) gets the French dashboard.
  const language = localeFromAcceptLanguage(header)?.split('-')[0];
  return DASHBOARD_LOCALES.find((l) => l === language) ?? 'en';
}

export async function dashboardMessages(locale: DashboardLocale): Promise<{ Dashboard: Record<DashboardArea, AbstractIntlMessages> }> {
  const entries = await Promise.all(
    DASHBOARD_AREAS.map(
      async (area) =>
        [area, ((await import(`../messages/dashboard/${locale}/${area}.json`)) as { default: AbstractIntlMessages }).default] as const,
    ),
  );
  return { Dashboard: Object.fromEntries(entries) as Record<DashboardArea, AbstractIntlMessages> };
}
