'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { createCouponAction } from '@/app/dashboard/(app)/catalog/coupons/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { couponFormSchema, type CouponFormInput } from '@/lib/validation/dashboard-coupons';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { SelectField } from '@/components/ui/select-field';
import { useErrorText } from './use-error-text';
import { FormSuccess } from '@/components/dashboard/form-success';

const DEFAULTS: CouponFormInput = {
  name: '',
  kind: 'percent',
  percentOff: '',
  amountOff: '',
  currency: 'usd',
  duration: 'once',
  durationInMonths: '',
  maxRedemptions: '',
  redeemBy: '',
};

/** A new coupon: percent or amount off, how long it lasts, optional limits. */
export function CouponForm() {
  const t = useTranslations('Dashboard.catalog.coupons');
  const text = useErrorText();
  const [created, setCreated] = useState<string | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: couponFormSchema,
    action: createCouponAction,
    defaultValues: DEFAULTS,
    onSuccess: ({ id }) => {
      form.reset(DEFAULTS);
      setCreated(id);
    },
  });
  const { errors } = form.formState;
  const kind = form.watch('kind');
  const duration = form.watch('duration');
  return (
    <Card title={t('new_title')} className="max-w-2xl">
      <form
        method="post"
        onSubmit={onSubmit}
        noValidate
        className="space-y-4"
        onChange={() => {
          setCreated(null);
        }}
      >
        <FormError message={text(formError)} />
        <FormSuccess message={created ? t('created', { id: created }) : null} />
        <Field id="coupon-name" label={t('name')} error={text(errors.name?.message)} {...form.register('name')} />
        <SelectField id="coupon-kind" label={t('kind')} {...form.register('kind')}>
          <option value="percent">{t('percent')}</option>
          <option value="amount">{t('amount')}</option>
        </SelectField>
        {kind === 'percent' ? (
          <Field
            id="coupon-percent"
            label={t('percent_off')}
            inputMode="decimal"
            error={text(errors.percentOff?.message)}
            {...form.register('percentOff')}
          />
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id="coupon-amount"
              label={t('amount_off')}
              inputMode="decimal"
              error={text(errors.amountOff?.message)}
              {...form.register('amountOff')}
            />
            <Field
              id="coupon-currency"
              label={t('currency')}
              maxLength={3}
              error={text(errors.currency?.message)}
              {...form.register('currency')}
            />
          </div>
        )}
        <SelectField id="coupon-duration" label={t('duration')} {...form.register('duration')}>
          <option value="once">{t('durations.once')}</option>
          <option value="forever">{t('durations.forever')}</option>
          <option value="repeating">{t('durations.repeating')}</option>
        </SelectField>
        {duration === 'repeating' ? (
          <Field
            id="coupon-months"
            label={t('duration_in_months')}
            inputMode="numeric"
            error={text(errors.durationInMonths?.message)}
            {...form.register('durationInMonths')}
          />
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="coupon-max"
            label={t('max_redemptions')}
            inputMode="numeric"
            error={text(errors.maxRedemptions?.message)}
            {...form.register('maxRedemptions')}
          />
          <Field
            id="coupon-redeem-by"
            type="date"
            label={t('redeem_by')}
            error={text(errors.redeemBy?.message)}
            {...form.register('redeemBy')}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {t('create')}
        </Button>
      </form>
    </Card>
  );
}
