'use client';

import { useTranslations } from 'next-intl';
import { changePasswordAction } from '@/app/dashboard/(app)/account/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { changePasswordSchema } from '@/lib/validation/dashboard-auth';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { FormSuccess } from '@/components/dashboard/form-success';
import { errorText } from '@/components/dashboard/error-text';

export function ChangePasswordForm() {
  const t = useTranslations('Dashboard.auth');
  const { form, onSubmit, pending, formError, succeeded, clearSucceeded } = useActionForm({
    schema: changePasswordSchema,
    action: changePasswordAction,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    onSuccess: () => {
      form.reset();
    },
  });
  const err = (message?: string | null) => errorText(t, message);
  const { errors } = form.formState;
  return (
    <Card title={t('change_password')} className="max-w-md">
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" onChange={clearSucceeded}>
        <FormError message={err(formError ?? undefined)} />
        <FormSuccess message={succeeded ? t('password_changed') : null} />
        <Field
          id="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t('current_password')}
          error={err(errors.currentPassword?.message)}
          {...form.register('currentPassword')}
        />
        <Field
          id="newPassword"
          type="password"
          autoComplete="new-password"
          label={t('new_password')}
          error={err(errors.newPassword?.message)}
          {...form.register('newPassword')}
        />
        <Field
          id="confirmPassword"
          type="password"
          autoComplete="new-password"
          label={t('confirm_password')}
          error={err(errors.confirmPassword?.message)}
          {...form.register('confirmPassword')}
        />
        <Button type="submit" disabled={pending}>
          {t('change_password')}
        </Button>
      </form>
    </Card>
  );
}
