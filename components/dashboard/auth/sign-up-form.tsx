'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { signUpAction } from '@/app/dashboard/(auth)/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { signUpSchema } from '@/lib/validation/dashboard-auth';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';

export function SignUpForm() {
  const t = useTranslations('Dashboard.auth');
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: signUpSchema,
    action: signUpAction,
    defaultValues: { businessName: '', email: '', password: '' },
  });
  const err = (key?: string) => (key ? t(`errors.${key}`) : null);
  const { errors } = form.formState;
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">{t('sign_up_title')}</h1>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={err(formError ?? undefined)} />
        <Field id="businessName" autoComplete="organization" label={t('business_name')} error={err(errors.businessName?.message)} {...form.register('businessName')} />
        <Field id="email" type="email" autoComplete="email" label={t('email')} error={err(errors.email?.message)} {...form.register('email')} />
        <Field id="password" type="password" autoComplete="new-password" label={t('password')} error={err(errors.password?.message)} {...form.register('password')} />
        <p className="text-xs text-[var(--ck-muted)]">{t('password_rule')}</p>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t('creating_account') : t('sign_up')}
        </Button>
      </form>
      <p className="mt-4 text-sm">
        {t('have_account')}{' '}
        <Link href="/dashboard/sign-in" className="font-medium text-[var(--ck-link)] underline">
          {t('sign_in')}
        </Link>
      </p>
    </Card>
  );
}
