'use client';

import { ConfirmedActionForm, type ConfirmedAction } from '../confirmed-action-form';
import { usePaymentText } from './use-payment-text';

/** Accept (close) a dispute: the merchant gives up the disputed amount, after a confirmation. */
export function AcceptDisputeForm({ amount, currency, action }: { amount: number; currency: string; action: ConfirmedAction }) {
  const { t, money } = usePaymentText();
  return (
    <ConfirmedActionForm
      testId="accept-dispute-form"
      intro={t('accept.intro', { amount: money(amount, currency) })}
      review={t('accept.review')}
      question={t('accept.confirm_question', { amount: money(amount, currency) })}
      confirm={t('accept.confirm')}
      back={t('accept.back')}
      action={action}
    />
  );
}
