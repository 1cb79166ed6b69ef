'use client';

import { useTranslations } from 'next-intl';
import { signInWithLinkAction } from '@/app/dashboard/(auth)/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { signInLinkSchema } from '@/lib/validation/dashboard-auth';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { errorText } from '@/components/dashboard/error-text';

/**
 * The sign-in link's page. Opening the link signs no one in: the button does. Mail scanners that
 * open links before the reader would otherwise use it up.
 */
export function SignInLinkForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('Dashboard.auth');
  const { onSubmit, pending, formError } = useActionForm({
    schema: signInLinkSchema,
    action: signInWithLinkAction,
    defaultValues: { token },
  });
  return (
    <Card>
      <h1 className="mb-2 text-xl font-semibold">{t('link_title')}</h1>
      <p className="mb-4 text-sm">{t('link_intro', { email })}</p>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={errorText(t, formError)} />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t('signing_in') : t('sign_in')}
        </Button>
      </form>
    </Card>
  );
}
