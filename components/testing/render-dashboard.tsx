import fs from 'node:fs';
import path from 'node:path';
import { render, type RenderResult } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement } from 'react';
import { DASHBOARD_AREAS, type DashboardLocale } from '@/i18n/dashboard';

const MESSAGES_DIR = path.resolve(import.meta.dirname, '../../messages/dashboard');

/** The dashboard's messages of a locale as its layout hands them to client components: `Dashboard.<area>`. */
function dashboardMessages(locale: DashboardLocale) {
  const areas = DASHBOARD_AREAS.map((area) => [
    area,
    JSON.parse(fs.readFileSync(path.join(MESSAGES_DIR, locale, `${area}.json`), 'utf8')) as unknown,
  ]);
  return { Dashboard: Object.fromEntries(areas) as Record<string, Record<string, unknown>> };
}

/** Renders a dashboard component the way the dashboard's layout does: under next-intl with the real dashboard messages. */
export function renderDashboard(ui: ReactElement, { locale = 'en' }: { locale?: DashboardLocale } = {}): RenderResult {
  const messages = dashboardMessages(locale);
  return render(ui, {
    wrapper: ({ children }) => (
      <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
        {children}
      </NextIntlClientProvider>
    ),
  });
}
