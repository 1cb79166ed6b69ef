'use client';

import { type SubmitEventHandler } from 'react';
import { useTranslations } from 'next-intl';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { saveEmbedOriginsAction, saveRedirectDomainsAction } from '@/app/dashboard/(app)/domains/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { normalizeRedirectDomain } from '@/lib/domains/redirect-allowlist';
import { embedOriginsSchema, firstInvalidEntry, normalizeEmbedOrigin, redirectDomainsSchema } from '@/lib/validation/domains';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { errorText } from '@/components/dashboard/error-text';

const TEXTAREA =
  'block w-full rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2 font-mono text-sm text-[var(--ck-text)] aria-[invalid=true]:border-red-700';

/** Where success_url, cancel_url and return_url may point: one host or *.host per line. */
export function RedirectDomainsForm({ entries }: { entries: string[] }) {
  const { form, onSubmit, pending, formError, succeeded, clearSucceeded } = useActionForm({
    schema: redirectDomainsSchema,
    action: saveRedirectDomainsAction,
    defaultValues: { redirectDomains: entries.join('\n') },
  });
  return (
    <ListForm
      id="redirect-domains"
      labelKey="redirects_label"
      helpKey="redirects_help"
      field={form.register('redirectDomains')}
      fieldError={form.formState.errors.redirectDomains?.message}
      badEntry={firstInvalidEntry(form.watch('redirectDomains'), normalizeRedirectDomain)}
      {...{ onSubmit, pending, formError }}
      saved={succeeded}
      onEdit={clearSucceeded}
    />
  );
}

/** Which sites may frame embedded checkouts: one origin per line. */
export function EmbedOriginsForm({ entries }: { entries: string[] }) {
  const { form, onSubmit, pending, formError, succeeded, clearSucceeded } = useActionForm({
    schema: embedOriginsSchema,
    action: saveEmbedOriginsAction,
    defaultValues: { embedOrigins: entries.join('\n') },
  });
  return (
    <ListForm
      id="embed-origins"
      labelKey="embeds_label"
      helpKey="embeds_help"
      field={form.register('embedOrigins')}
      fieldError={form.formState.errors.embedOrigins?.message}
      badEntry={firstInvalidEntry(form.watch('embedOrigins'), normalizeEmbedOrigin)}
      {...{ onSubmit, pending, formError }}
      saved={succeeded}
      onEdit={clearSucceeded}
    />
  );
}

type ListFormProps = {
  id: string;
  labelKey: 'redirects_label' | 'embeds_label';
  helpKey: 'redirects_help' | 'embeds_help';
  field: UseFormRegisterReturn;
  fieldError: string | undefined;
  /** The entry the list's rule refuses, named in the error. */
  badEntry: string | undefined;
  onSubmit: SubmitEventHandler<HTMLFormElement>;
  pending: boolean;
  formError: string | null;
  saved: boolean;
  onEdit: () => void;
};

function ListForm({ id, labelKey, helpKey, field, fieldError, badEntry, onSubmit, pending, formError, saved, onEdit }: ListFormProps) {
  const t = useTranslations('Dashboard.domains');
  const err = (message?: string | null) => errorText(t, message, { entry: badEntry ?? '' });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3" onChange={onEdit}>
      <FormError message={err(formError ?? undefined)} />
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium">
          {t(labelKey)}
        </label>
        <p id={`${id}-help`} className="mb-2 text-xs text-[var(--ck-muted)]">
          {t(helpKey)}
        </p>
        <textarea
          id={id}
          rows={4}
          spellCheck={false}
          autoCapitalize="none"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${id}-help${fieldError ? ` ${id}-error` : ''}`}
          className={TEXTAREA}
          {...field}
        />
        <FieldError id={`${id}-error`} message={err(fieldError)} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
        <p role="status" className="text-sm text-green-800">
          {saved ? t('saved') : null}
        </p>
      </div>
    </form>
  );
}
