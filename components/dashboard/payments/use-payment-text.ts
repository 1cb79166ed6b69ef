'use client';

import { useLocale, useTranslations } from 'next-intl';
import { errorText } from '@/components/dashboard/error-text';
import type { PaymentMethodSummary } from '@/lib/dashboard/payment-summary';
import { formatAmount } from '@/lib/money/format';
import { methodText } from './method-text';

/**
 * What the payment forms say with: their messages (Dashboard.payments), an error as words (a key of
 * Dashboard.payments.errors from the browser's check, or a server action's message as it is), money in
 * the dashboard's language, and the payment method ("Visa •••• 4242").
 */
export function usePaymentText() {
  const t = useTranslations('Dashboard.payments');
  const locale = useLocale();
  return {
    t,
    error: (message?: string | null) => errorText(t, message),
    money: (minor: number, currency: string) => formatAmount(minor, currency, locale),
    method: (method: PaymentMethodSummary) => methodText((key, values) => t(`method.${key}`, values), method) ?? t('method.unknown'),
  };
}
