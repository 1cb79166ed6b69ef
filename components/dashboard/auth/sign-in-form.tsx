'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { signInAction } from '@/app/dashboard/(auth)/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { signInSchema } from '@/lib/validation/dashboard-auth';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';

export function SignInForm() {
  const t = useTranslations('Dashboard.auth');
  const { form, onSubmit, pending, formError } = useActionForm({ schema: signInSchema, action: signInAction, defaultValues: { email: '', password: '' } });
  const err = (key?: string) => (key ? t(`errors.${key}`) : null);
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">{t('sign_in_title')}</h1>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={err(formError ?? undefined)} />
        <Field id="email" type="email" autoComplete="email" label={t('email')} error={err(form.formState.errors.email?.message)} {...form.register('email')} />
        <Field id="password" type="password" autoComplete="current-password" label={t('password')} error={err(form.formState.errors.password?.message)} {...form.register('password')} />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t('signing_in') : t('sign_in')}
        </Button>
      </form>
      <p className="mt-4 text-sm">
        {t('no_account')}{' '}
        <Link href="/dashboard/sign-up" className="font-medium text-[var(--ck-link)] underline">
          {t('sign_up')}
        </Link>
      </p>
    </Card>
  );
}
