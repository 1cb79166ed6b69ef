'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';
import type { PaymentMethodSummary } from '@/lib/dashboard/payment-summary';
import { majorToMinor, minorToMajor } from '@/lib/money/major-units';
import { makeCaptureFormSchema, type CaptureFormInput, type CaptureFormValues } from '@/lib/validation/dashboard-payments';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { AmountField } from './amount-field';
import { ConfirmStep } from './confirm-step';
import { usePaymentText } from './use-payment-text';

export type CaptureAction = (values: CaptureFormValues) => Promise<ActionResult<unknown>>;

/** Capture an authorized payment, in full or a smaller amount (the rest goes back to the customer), after a confirmation. */
export function CaptureForm({
  currency,
  capturable,
  method,
  action,
}: {
  currency: string;
  capturable: number;
  method: PaymentMethodSummary;
  action: CaptureAction;
}) {
  const { t, error, money, method: methodName } = usePaymentText();
  const [reviewing, setReviewing] = useState<CaptureFormValues | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: makeCaptureFormSchema({ currency, capturable }),
    action: async (values: CaptureFormValues) => {
      const result = await action(values);
      if (!result.ok) setReviewing(null);
      return result;
    },
    defaultValues: { amount: minorToMajor(capturable, currency) } satisfies CaptureFormInput,
    onSuccess: () => {
      setReviewing(null);
    },
  });
  const { errors } = form.formState;
  const review = form.handleSubmit((values) => {
    setReviewing(values);
  });
  const amount = reviewing ? majorToMinor(reviewing.amount, currency) : null;
  return (
    <form method="post" onSubmit={reviewing ? onSubmit : (e) => void review(e)} noValidate className="space-y-4" data-testid="capture-form">
      <FormError message={error(formError)} />
      {reviewing && amount !== null ? (
        <ConfirmStep
          question={t('capture.confirm_question', { amount: money(amount, currency), method: methodName(method) })}
          confirm={t('capture.confirm', { amount: money(amount, currency) })}
          back={t('capture.back')}
          onBack={() => {
            setReviewing(null);
          }}
          pending={pending}
        >
          {amount < capturable ? (
            <p className="text-sm">{t('capture.confirm_release', { amount: money(capturable - amount, currency) })}</p>
          ) : null}
        </ConfirmStep>
      ) : (
        <>
          <AmountField
            id="capture-amount"
            label={t('capture.amount', { currency: currency.toUpperCase() })}
            hint={t('capture.amount_hint', { amount: money(capturable, currency) })}
            error={error(errors.amount?.message)}
            {...form.register('amount')}
          />
          <Button type="submit">{t('capture.review')}</Button>
        </>
      )}
    </form>
  );
}
