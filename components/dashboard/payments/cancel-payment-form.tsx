'use client';

import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import type { ActionResult } from '@/lib/actions/result';
import type { PaymentMethodSummary } from '@/lib/dashboard/payment-summary';
import { CANCELLATION_REASONS, cancelPaymentFormSchema, type CancelPaymentFormInput } from '@/lib/validation/dashboard-payments';
import { FormError } from '../form-error';
import { ConfirmStep } from './confirm-step';
import { usePaymentText } from './use-payment-text';
import { useReviewedActionForm } from './use-reviewed-action-form';

export type CancelPaymentAction = (values: CancelPaymentFormInput) => Promise<ActionResult<unknown>>;

/** Cancel an authorized payment: the whole authorization goes back to the customer, after a confirmation. */
export function CancelPaymentForm({
  currency,
  amount,
  method,
  action,
}: {
  currency: string;
  amount: number;
  method: PaymentMethodSummary;
  action: CancelPaymentAction;
}) {
  const { t, error, money, method: methodName } = usePaymentText();
  const { form, onFormSubmit, reviewing, back, pending, formError } = useReviewedActionForm({
    schema: cancelPaymentFormSchema,
    action,
    defaultValues: { reason: '' },
  });
  return (
    <form method="post" onSubmit={onFormSubmit} noValidate className="space-y-4" data-testid="cancel-payment-form">
      <FormError message={error(formError)} />
      {reviewing ? (
        <ConfirmStep
          question={t('cancel.confirm_question', { amount: money(amount, currency), method: methodName(method) })}
          confirm={t('cancel.confirm')}
          back={t('cancel.back')}
          onBack={back}
          pending={pending}
          variant="danger"
        />
      ) : (
        <>
          <SelectField id="cancel-reason" label={t('cancel.reason')} {...form.register('reason')}>
            <option value="">{t('cancel.reasons.none')}</option>
            {CANCELLATION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`cancel.reasons.${r}`)}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="danger">
            {t('cancel.review')}
          </Button>
        </>
      )}
    </form>
  );
}
