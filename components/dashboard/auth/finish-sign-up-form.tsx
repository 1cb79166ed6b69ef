'use client';

import { useTranslations } from 'next-intl';
import { finishSignUpAction } from '@/app/dashboard/(auth)/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { finishSignUpSchema } from '@/lib/validation/dashboard-auth';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { errorText } from '@/components/dashboard/error-text';

/** The sign-up link's page: the owner chooses a password; the account is then made and signed in. */
export function FinishSignUpForm({ token, email, businessName }: { token: string; email: string; businessName: string }) {
  const t = useTranslations('Dashboard.auth');
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: finishSignUpSchema,
    action: finishSignUpAction,
    defaultValues: { token, password: '' },
  });
  const err = (message?: string | null) => errorText(t, message);
  return (
    <Card>
      <h1 className="mb-2 text-xl font-semibold">{t('finish_title')}</h1>
      <p className="mb-4 text-sm">{t('finish_intro', { businessName, email })}</p>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={err(formError ?? undefined)} />
        {/* Lets a password manager save the new password under the right login. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          id="password"
          type="password"
          autoComplete="new-password"
          label={t('password')}
          error={err(form.formState.errors.password?.message)}
          {...form.register('password')}
        />
        <p className="text-xs text-[var(--ck-muted)]">{t('password_rule')}</p>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t('creating_account') : t('sign_up')}
        </Button>
      </form>
    </Card>
  );
}
