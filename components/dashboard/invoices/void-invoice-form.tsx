'use client';

import { useLocale, useTranslations } from 'next-intl';
import { formatAmount } from '@/lib/money/format';
import { ConfirmedActionForm, type ConfirmedAction } from '../confirmed-action-form';

/** Void an open invoice, after a confirmation: the customer owes its amount no more, and no payment is attempted again. */
export function VoidInvoiceForm({
  number,
  amountRemaining,
  currency,
  action,
}: {
  number: string;
  amountRemaining: number;
  currency: string;
  action: ConfirmedAction;
}) {
  const t = useTranslations('Dashboard.invoices.void');
  const locale = useLocale();
  return (
    <ConfirmedActionForm
      testId="void-invoice-form"
      intro={t('intro', { amount: formatAmount(amountRemaining, currency, locale) })}
      review={t('review')}
      question={t('question', { number })}
      confirm={t('confirm')}
      back={t('back')}
      action={action}
    />
  );
}
