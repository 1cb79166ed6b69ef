'use client';

import { useTranslations } from 'next-intl';
import { errorText } from '../error-text';

/**
 * Turns what a catalog form or action reported into words: a key of Dashboard.catalog.errors
 * (the browser's own check), or a server action's message, already in the dashboard's language.
 */
export function useErrorText() {
  const t = useTranslations('Dashboard.catalog');
  return (message?: string | null) => errorText(t, message);
}
