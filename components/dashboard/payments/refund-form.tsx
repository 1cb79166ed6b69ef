'use client';

import { useEffect, useState } from 'react';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import type { ActionResult } from '@/lib/actions/result';
import type { PaymentMethodSummary } from '@/lib/dashboard/payment-summary';
import { majorToMinor, minorToMajor } from '@/lib/money/major-units';
import {
  makeRefundFormSchema,
  REFUND_REASON_CHOICES,
  type RefundFormInput,
  type RefundFormValues,
} from '@/lib/validation/dashboard-payments';
import { FormError } from '../form-error';
import { FormSuccess } from '../form-success';
import { AmountField } from './amount-field';
import { ConfirmStep } from './confirm-step';
import { usePaymentText } from './use-payment-text';
import { useReviewedActionForm } from './use-reviewed-action-form';

export type RefundAction = (values: RefundFormValues) => Promise<ActionResult<unknown>>;

/**
 * Refund a payment in full or in part. The amount starts at what is left to refund; the merchant
 * reviews, then confirms in words ("Refund €12.00 to Visa •••• 4242?") before anything moves.
 */
export function RefundForm({
  currency,
  refundable,
  method,
  action,
}: {
  currency: string;
  /** What is left to refund, in minor units. */
  refundable: number;
  method: PaymentMethodSummary;
  action: RefundAction;
}) {
  const { t, error, money, method: methodName } = usePaymentText();
  const defaults: RefundFormInput = { amount: minorToMajor(refundable, currency), reason: '' as RefundFormInput['reason'] };
  const [refunded, setRefunded] = useState<number | null>(null);
  const { form, onFormSubmit, reviewing, back, pending, formError, succeeded } = useReviewedActionForm({
    schema: makeRefundFormSchema({ currency, refundable }),
    action,
    defaultValues: defaults,
    onSuccess: (confirmed: RefundFormValues) => {
      setRefunded(majorToMinor(confirmed.amount, currency));
    },
  });
  // After a refund the page shows what is left: start from that.
  useEffect(() => {
    form.reset({ amount: minorToMajor(refundable, currency), reason: '' as RefundFormInput['reason'] });
  }, [form, refundable, currency]);
  const { errors } = form.formState;
  const reviewAmount = reviewing ? majorToMinor(reviewing.amount, currency) : null;
  return (
    <Card title={t('refund.title')}>
      <form method="post" onSubmit={onFormSubmit} noValidate className="space-y-4" data-testid="refund-form">
        <FormError message={error(formError)} />
        <FormSuccess message={succeeded && refunded !== null ? t('refund.done', { amount: money(refunded, currency) }) : null} />
        {reviewing && reviewAmount !== null ? (
          <ConfirmStep
            question={t('refund.confirm_question', { amount: money(reviewAmount, currency), method: methodName(method) })}
            confirm={t('refund.confirm', { amount: money(reviewAmount, currency) })}
            back={t('refund.back')}
            onBack={back}
            pending={pending}
            variant="danger"
          >
            <p className="text-sm">{t('refund.confirm_reason', { reason: t(`refund.reasons.${reviewing.reason}`) })}</p>
          </ConfirmStep>
        ) : (
          <>
            <AmountField
              id="refund-amount"
              label={t('refund.amount', { currency: currency.toUpperCase() })}
              hint={t('refund.amount_hint', { amount: money(refundable, currency) })}
              error={error(errors.amount?.message)}
              {...form.register('amount')}
            />
            <SelectField id="refund-reason" label={t('refund.reason')} error={error(errors.reason?.message)} {...form.register('reason')}>
              <option value="">{t('refund.choose_reason')}</option>
              {REFUND_REASON_CHOICES.map((r) => (
                <option key={r} value={r}>
                  {t(`refund.reasons.${r}`)}
                </option>
              ))}
            </SelectField>
            <Button type="submit">{t('refund.review')}</Button>
          </>
        )}
      </form>
    </Card>
  );
}
