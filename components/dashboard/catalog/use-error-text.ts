'use client';

import { useTranslations } from 'next-intl';

/**
 * Turns what a form or action reported into words: a key of Dashboard.catalog.errors, or,
 * for what lib/catalog refused, the API's own message, shown as it is.
 */
export function useErrorText() {
  const t = useTranslations('Dashboard.catalog.errors');
  return (message?: string | null) => (message ? (t.has(message) ? t(message) : message) : null);
}
