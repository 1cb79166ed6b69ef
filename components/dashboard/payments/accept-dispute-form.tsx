'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';
import { FormError } from '../form-error';
import { ConfirmStep } from './confirm-step';
import { usePaymentText } from './use-payment-text';

/** Accept (close) a dispute: the merchant gives up the disputed amount, after a confirmation. */
export function AcceptDisputeForm({
  amount,
  currency,
  action,
}: {
  amount: number;
  currency: string;
  action: () => Promise<ActionResult<unknown>>;
}) {
  const { t, money } = usePaymentText();
  const [reviewing, setReviewing] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      method="post"
      noValidate
      className="space-y-3"
      data-testid="accept-dispute-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reviewing) {
          setReviewing(true);
          return;
        }
        start(async () => {
          const r = await action();
          setError(r.ok ? null : r.message);
          setReviewing(false);
        });
      }}
    >
      <FormError message={error} />
      {reviewing ? (
        <ConfirmStep
          question={t('accept.confirm_question', { amount: money(amount, currency) })}
          confirm={t('accept.confirm')}
          back={t('accept.back')}
          onBack={() => {
            setReviewing(false);
          }}
          pending={pending}
          variant="danger"
        />
      ) : (
        <>
          <p className="text-sm">{t('accept.intro', { amount: money(amount, currency) })}</p>
          <Button type="submit" variant="danger">
            {t('accept.review')}
          </Button>
        </>
      )}
    </form>
  );
}
