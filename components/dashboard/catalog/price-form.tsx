'use client';

import { useTranslations } from 'next-intl';
import { createPriceAction } from '@/app/dashboard/(app)/catalog/products/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { PRICE_INTERVALS, priceFormSchema } from '@/lib/validation/dashboard-products';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { SelectField } from '@/components/ui/select-field';
import { useErrorText } from './use-error-text';
import { FormSuccess } from '@/components/dashboard/form-success';

/** Adds a price to a product. The amount is typed in major units ("19.99", or "500" yen). */
export function PriceForm({ productId, defaultCurrency }: { productId: string; defaultCurrency: string }) {
  const t = useTranslations('Dashboard.catalog.prices');
  const text = useErrorText();
  const defaults = {
    type: 'one_time' as const,
    currency: defaultCurrency,
    amount: '',
    interval: 'month' as const,
    intervalCount: '1',
    nickname: '',
  };
  const { form, onSubmit, pending, formError, succeeded, clearSucceeded } = useActionForm({
    schema: priceFormSchema,
    action: (values) => createPriceAction(productId, values),
    defaultValues: defaults,
    onSuccess: () => {
      form.reset({ ...defaults, currency: form.getValues('currency') });
    },
  });
  const { errors } = form.formState;
  const recurring = form.watch('type') === 'recurring';
  return (
    <Card title={t('new_title')}>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" onChange={clearSucceeded}>
        <FormError message={text(formError)} />
        <FormSuccess message={succeeded ? t('added') : null} />
        <SelectField id="price-type" label={t('type')} {...form.register('type')}>
          <option value="one_time">{t('one_time')}</option>
          <option value="recurring">{t('recurring')}</option>
        </SelectField>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="price-amount"
            label={t('amount')}
            inputMode="decimal"
            error={text(errors.amount?.message)}
            {...form.register('amount')}
          />
          <Field
            id="price-currency"
            label={t('currency')}
            maxLength={3}
            autoCapitalize="none"
            error={text(errors.currency?.message)}
            {...form.register('currency')}
          />
        </div>
        {recurring ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id="price-interval-count"
              label={t('interval_count')}
              inputMode="numeric"
              error={text(errors.intervalCount?.message)}
              {...form.register('intervalCount')}
            />
            <SelectField id="price-interval" label={t('interval')} {...form.register('interval')}>
              {PRICE_INTERVALS.map((i) => (
                <option key={i} value={i}>
                  {t(`intervals.${i}`)}
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}
        <Field id="price-nickname" label={t('nickname')} error={text(errors.nickname?.message)} {...form.register('nickname')} />
        <Button type="submit" disabled={pending}>
          {t('create')}
        </Button>
      </form>
    </Card>
  );
}
