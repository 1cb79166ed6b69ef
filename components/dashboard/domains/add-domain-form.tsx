'use client';

import { useTranslations } from 'next-intl';
import { addDomainAction } from '@/app/dashboard/(app)/domains/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { addDomainSchema } from '@/lib/validation/domains';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { FormSuccess } from '@/components/dashboard/form-success';
import { errorText } from '@/components/dashboard/error-text';

export function AddDomainForm() {
  const t = useTranslations('Dashboard.domains');
  const { form, onSubmit, pending, formError, succeeded, clearSucceeded } = useActionForm({
    schema: addDomainSchema,
    action: addDomainAction,
    defaultValues: { hostname: '' },
    onSuccess: () => {
      form.reset();
    },
  });
  const err = (message?: string | null) => errorText(t, message);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3" onChange={clearSucceeded}>
      <FormError message={err(formError ?? undefined)} />
      <div className="flex flex-wrap items-start gap-3">
        <Field
          id="hostname"
          label={t('hostname')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="pay.example.com"
          className="min-w-0 flex-1 basis-60"
          error={err(form.formState.errors.hostname?.message)}
          {...form.register('hostname')}
        />
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? t('adding') : t('add')}
        </Button>
      </div>
      <p className="text-xs text-[var(--ck-muted)]">{t('hostname_hint')}</p>
      <FormSuccess message={succeeded ? t('added') : null} />
    </form>
  );
}
