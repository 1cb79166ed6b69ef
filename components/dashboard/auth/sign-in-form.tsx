'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { requestSignInLinkAction, signInAction } from '@/app/dashboard/(auth)/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { signInSchema } from '@/lib/validation/dashboard-auth';
import { FormError } from '../form-error';
import { FormSuccess } from '../form-success';
import { useActionForm } from '../use-action-form';
import { errorText } from '@/components/dashboard/error-text';

/**
 * Email and password, or a one-time link emailed to the address: the way in when the password is
 * forgotten, or when too many wrong guesses from this client ask for proof of the address.
 */
export function SignInForm() {
  const t = useTranslations('Dashboard.auth');
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: signInSchema,
    action: signInAction,
    defaultValues: { email: '', password: '' },
  });
  const [link, setLink] = useState<{ sentTo?: string; error?: string } | null>(null);
  const [sending, startSending] = useTransition();
  const err = (message?: string | null) => errorText(t, message);

  const emailLink = () => {
    startSending(async () => {
      setLink(null);
      if (!(await form.trigger('email'))) return;
      const email = form.getValues('email').trim().toLowerCase();
      const result = await requestSignInLinkAction({ email });
      setLink(result.ok ? { sentTo: email } : { error: result.message });
    });
  };

  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">{t('sign_in_title')}</h1>
      <form
        method="post"
        onSubmit={(e) => {
          setLink(null);
          onSubmit(e);
        }}
        noValidate
        className="space-y-4"
      >
        <FormError message={err(link?.error ?? formError ?? undefined)} />
        <FormSuccess message={link?.sentTo ? t('link_sent', { email: link.sentTo }) : null} />
        <Field
          id="email"
          type="email"
          autoComplete="email"
          label={t('email')}
          error={err(form.formState.errors.email?.message)}
          {...form.register('email')}
        />
        <Field
          id="password"
          type="password"
          autoComplete="current-password"
          label={t('password')}
          error={err(form.formState.errors.password?.message)}
          {...form.register('password')}
        />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t('signing_in') : t('sign_in')}
        </Button>
      </form>
      <div className="mt-4 border-t border-[var(--ck-border)] pt-4 text-sm">
        <p className="mb-2 text-[var(--ck-muted)]">{t('email_link_hint')}</p>
        <Button variant="secondary" onClick={emailLink} disabled={sending} className="w-full">
          {sending ? t('sending') : t('email_link')}
        </Button>
      </div>
      <p className="mt-4 text-sm">
        {t('no_account')}{' '}
        <Link href="/dashboard/sign-up" className="font-medium text-[var(--ck-link)] underline">
          {t('sign_up')}
        </Link>
      </p>
    </Card>
  );
}
