'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useMemo } from 'react';
import { get, useForm } from 'react-hook-form';
import { CardFields } from '@/components/checkout/card-fields';
import type { InvoicePayAction, InvoicePayState } from '@/lib/billing/invoices/invoice-page-state';
import { makeInvoicePaySchema } from '@/lib/validation/invoice-page';

/** The banner's words for an answer that did not leave the page. */
function bannerKey(r: InvoicePayState['result']): string | null {
  switch (r?.state) {
    case 'declined':
      return `Errors.${r.message}`;
    case 'refused':
      return r.reason === 'too_many_attempts' ? 'Invoice.tooManyAttempts' : `Errors.refused.${r.reason}`;
    case 'closed':
      return 'Invoice.notPayable';
    default:
      return null;
  }
}

/**
 * The card form of an open invoice. Without JavaScript it posts to the server action as it is; with it,
 * react-hook-form checks the same zod schema first and the action runs inline. Card fields are never echoed
 * back; the cardholder's name is.
 */
export function InvoicePayForm({
  payLabel,
  note,
  notice,
  action,
}: {
  payLabel: string;
  note: string | null;
  /** A decline to show at once (the challenge failed before the page was shown again). */
  notice: string | null;
  action: InvoicePayAction;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { result: null, name: null });
  const schema = useMemo(() => makeInvoicePaySchema(), []);
  const form = useForm({ resolver: zodResolver(schema as never), mode: 'onTouched' });
  const serverErrors = state.result?.state === 'invalid' ? state.result.errors : {};
  const error = (path: string): string | null => {
    const key =
      get<typeof form.formState.errors, { message?: string } | undefined>(form.formState.errors, path)?.message ?? serverErrors[path];
    return key ? t(`Errors.${key}` as never) : null;
  };
  const key = bannerKey(state.result);
  const banner = key
    ? t(key as never)
    : form.formState.submitCount > 0 && Object.keys(form.formState.errors).length > 0
      ? t('Errors.summary')
      : notice;
  return (
    <form
      action={formAction}
      noValidate
      aria-busy={pending}
      className="space-y-4"
      onSubmit={(event) => {
        // Text typed before the page finished loading may not have reached react-hook-form: the fields are the truth.
        const element = event.currentTarget;
        for (const [name, value] of new FormData(element))
          if (typeof value === 'string' && form.getValues(name) !== value) form.setValue(name, value);
        void form.handleSubmit(() => {
          startTransition(() => {
            formAction(new FormData(element));
          });
        })(event);
      }}
    >
      {banner ? (
        <div
          role="alert"
          className="rounded-[var(--ck-radius-control)] border border-red-700 bg-red-50 p-3 text-sm text-red-800"
          data-testid="payment-error"
        >
          {banner}
        </div>
      ) : null}
      <CardFields register={form.register} error={error} defaultName={state.name ?? undefined} />
      {note ? <p className="text-sm text-[var(--ck-muted)]">{note}</p> : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-[var(--ck-radius-button)] bg-[var(--ck-button)] px-4 py-3 font-semibold text-[var(--ck-button-text)] disabled:opacity-70"
        data-testid="pay-button"
      >
        {pending ? t('PayButton.processing') : payLabel}
      </button>
    </form>
  );
}
