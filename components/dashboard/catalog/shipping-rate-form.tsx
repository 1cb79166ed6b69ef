'use client';

import { useTranslations } from 'next-intl';
import { createShippingRateAction } from '@/app/dashboard/(app)/catalog/shipping-rates/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { shippingRateFormSchema, type ShippingRateFormInput } from '@/lib/validation/dashboard-rates';
import { DELIVERY_UNITS } from '@/lib/validation/shipping-rates';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { SelectField } from '@/components/ui/select-field';
import { useErrorText } from './use-error-text';
import { FormSuccess } from '@/components/dashboard/form-success';

const DEFAULTS: ShippingRateFormInput = {
  displayName: '',
  amount: '',
  currency: 'usd',
  minValue: '',
  minUnit: 'business_day',
  maxValue: '',
  maxUnit: 'business_day',
};

/** A fixed-amount shipping rate with an optional delivery estimate. */
export function ShippingRateForm() {
  const t = useTranslations('Dashboard.catalog.shipping');
  const text = useErrorText();
  const { form, onSubmit, pending, formError, succeeded, clearSucceeded } = useActionForm({
    schema: shippingRateFormSchema,
    action: createShippingRateAction,
    defaultValues: DEFAULTS,
    onSuccess: () => {
      form.reset(DEFAULTS);
    },
  });
  const { errors } = form.formState;
  const units = DELIVERY_UNITS.map((u) => (
    <option key={u} value={u}>
      {t(`units.${u}`)}
    </option>
  ));
  return (
    <Card title={t('new_title')} className="max-w-2xl">
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" onChange={clearSucceeded}>
        <FormError message={text(formError)} />
        <FormSuccess message={succeeded ? t('added') : null} />
        <Field id="shipping-name" label={t('display_name')} error={text(errors.displayName?.message)} {...form.register('displayName')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="shipping-amount"
            label={t('amount')}
            inputMode="decimal"
            error={text(errors.amount?.message)}
            {...form.register('amount')}
          />
          <Field
            id="shipping-currency"
            label={t('currency')}
            maxLength={3}
            error={text(errors.currency?.message)}
            {...form.register('currency')}
          />
        </div>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium">{t('estimate')}</legend>
          <Field
            id="shipping-min"
            label={t('min')}
            inputMode="numeric"
            error={text(errors.minValue?.message)}
            {...form.register('minValue')}
          />
          <SelectField id="shipping-min-unit" label={t('min_unit')} {...form.register('minUnit')}>
            {units}
          </SelectField>
          <Field
            id="shipping-max"
            label={t('max')}
            inputMode="numeric"
            error={text(errors.maxValue?.message)}
            {...form.register('maxValue')}
          />
          <SelectField id="shipping-max-unit" label={t('max_unit')} {...form.register('maxUnit')}>
            {units}
          </SelectField>
        </fieldset>
        <Button type="submit" disabled={pending}>
          {t('create')}
        </Button>
      </form>
    </Card>
  );
}
