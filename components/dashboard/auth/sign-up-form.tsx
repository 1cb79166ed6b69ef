'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { signUpAction } from '@/app/dashboard/(auth)/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { signUpSchema } from '@/lib/validation/dashboard-auth';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { errorText } from '@/components/dashboard/error-text';

/** Business name and email; the emailed link finishes the account. A new and a taken address get the same answer. */
export function SignUpForm() {
  const t = useTranslations('Dashboard.auth');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: signUpSchema,
    action: signUpAction,
    defaultValues: { businessName: '', email: '' },
    onSuccess: () => {
      setSentTo(form.getValues('email').trim().toLowerCase());
    },
  });
  const err = (message?: string | null) => errorText(t, message);
  const { errors } = form.formState;
  if (sentTo) return <CheckEmail email={sentTo} />;
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">{t('sign_up_title')}</h1>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={err(formError ?? undefined)} />
        <Field
          id="businessName"
          autoComplete="organization"
          label={t('business_name')}
          error={err(errors.businessName?.message)}
          {...form.register('businessName')}
        />
        <Field
          id="email"
          type="email"
          autoComplete="email"
          label={t('email')}
          error={err(errors.email?.message)}
          {...form.register('email')}
        />
        <p className="text-xs text-[var(--ck-muted)]">{t('sign_up_hint')}</p>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t('sending') : t('continue')}
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

function CheckEmail({ email }: { email: string }) {
  const t = useTranslations('Dashboard.auth');
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">{t('check_email_title')}</h1>
      <p role="status" data-testid="check-email">
        {t('check_email', { email })}
      </p>
    </Card>
  );
}
