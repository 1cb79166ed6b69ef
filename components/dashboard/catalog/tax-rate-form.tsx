'use client';

import { useTranslations } from 'next-intl';
import { createTaxRateAction } from '@/app/dashboard/(app)/catalog/tax-rates/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { taxRateFormSchema, type TaxRateFormInput } from '@/lib/validation/dashboard-rates';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { useErrorText } from './use-error-text';
import { FormSuccess } from '@/components/dashboard/form-success';

const DEFAULTS: TaxRateFormInput = { displayName: '', percentage: '', inclusive: false, country: '', jurisdiction: '' };

/** A tax rate; its percentage and inclusiveness are fixed once created, as with Stripe. */
export function TaxRateForm() {
  const t = useTranslations('Dashboard.catalog.tax');
  const text = useErrorText();
  const { form, onSubmit, pending, formError, succeeded, clearSucceeded } = useActionForm({
    schema: taxRateFormSchema,
    action: createTaxRateAction,
    defaultValues: DEFAULTS,
    onSuccess: () => {
      form.reset(DEFAULTS);
    },
  });
  const { errors } = form.formState;
  return (
    <Card title={t('new_title')} className="max-w-2xl">
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" onChange={clearSucceeded}>
        <FormError message={text(formError)} />
        <FormSuccess message={succeeded ? t('added') : null} />
        <Field id="tax-name" label={t('display_name')} error={text(errors.displayName?.message)} {...form.register('displayName')} />
        <Field
          id="tax-percentage"
          label={t('percentage')}
          inputMode="decimal"
          error={text(errors.percentage?.message)}
          {...form.register('percentage')}
        />
        <CheckboxField id="tax-inclusive" label={t('inclusive')} {...form.register('inclusive')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="tax-country" label={t('country')} maxLength={2} error={text(errors.country?.message)} {...form.register('country')} />
          <Field
            id="tax-jurisdiction"
            label={t('jurisdiction')}
            error={text(errors.jurisdiction?.message)}
            {...form.register('jurisdiction')}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {t('create')}
        </Button>
      </form>
    </Card>
  );
}
