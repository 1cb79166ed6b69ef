'use client';

import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';
import type { PaymentMethodSummary } from '@/lib/dashboard/payment-summary';
import { majorToMinor, minorToMajor } from '@/lib/money/major-units';
import { makeCaptureFormSchema, type CaptureFormInput, type CaptureFormValues } from '@/lib/validation/dashboard-payments';
import { FormError } from '../form-error';
import { AmountField } from './amount-field';
import { ConfirmStep } from './confirm-step';
import { usePaymentText } from './use-payment-text';
import { useReviewedActionForm } from './use-reviewed-action-form';

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
  const { form, onFormSubmit, reviewing, back, pending, formError } = useReviewedActionForm({
    schema: makeCaptureFormSchema({ currency, capturable }),
    action,
    defaultValues: { amount: minorToMajor(capturable, currency) } satisfies CaptureFormInput,
  });
  const { errors } = form.formState;
  const amount = reviewing ? majorToMinor(reviewing.amount, currency) : null;
  return (
    <form method="post" onSubmit={onFormSubmit} noValidate className="space-y-4" data-testid="capture-form">
      <FormError message={error(formError)} />
      {reviewing && amount !== null ? (
        <ConfirmStep
          question={t('capture.confirm_question', { amount: money(amount, currency), method: methodName(method) })}
          confirm={t('capture.confirm', { amount: money(amount, currency) })}
          back={t('capture.back')}
          onBack={back}
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
