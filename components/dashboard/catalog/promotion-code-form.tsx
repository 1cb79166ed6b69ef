'use client';

import { useTranslations } from 'next-intl';
import { createPromotionCodeAction } from '@/app/dashboard/(app)/catalog/coupons/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { promotionCodeFormSchema, type PromotionCodeFormInput } from '@/lib/validation/dashboard-coupons';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { useErrorText } from './use-error-text';
import { FormSuccess } from '@/components/dashboard/form-success';

const DEFAULTS: PromotionCodeFormInput = { code: '', maxRedemptions: '', expiresAt: '', firstTimeTransaction: false };

/** A customer-facing code for a coupon; left empty, Caisse makes one up. */
export function PromotionCodeForm({ couponId }: { couponId: string }) {
  const t = useTranslations('Dashboard.catalog.codes');
  const text = useErrorText();
  const { form, onSubmit, pending, formError, succeeded, clearSucceeded } = useActionForm({
    schema: promotionCodeFormSchema,
    action: (values) => createPromotionCodeAction(couponId, values),
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
        <Field
          id="code-code"
          label={t('code')}
          autoCapitalize="characters"
          error={text(errors.code?.message)}
          hint={undefined}
          {...form.register('code')}
        />
        <p className="-mt-3 text-xs text-[var(--ck-muted)]">{t('code_hint')}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="code-max"
            label={t('max_redemptions')}
            inputMode="numeric"
            error={text(errors.maxRedemptions?.message)}
            {...form.register('maxRedemptions')}
          />
          <Field
            id="code-expires"
            type="date"
            label={t('expires_at')}
            error={text(errors.expiresAt?.message)}
            {...form.register('expiresAt')}
          />
        </div>
        <CheckboxField id="code-first-time" label={t('first_time_transaction')} {...form.register('firstTimeTransaction')} />
        <Button type="submit" disabled={pending}>
          {t('create')}
        </Button>
      </form>
    </Card>
  );
}
