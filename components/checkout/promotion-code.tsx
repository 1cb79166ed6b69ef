'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import type { CartAction } from '@/lib/checkout/page-state';
import { CartErrorMessage } from './cart-error';

type Props = {
  applied: { code: string; label: string } | null;
  action: CartAction;
};

/** "Add promotion code" opens a field with Apply; an applied code shows with a remove control. */
export function PromotionCode({ applied, action }: Props) {
  const t = useTranslations('Promo');
  const [state, formAction, pending] = useActionState(action, { error: null });
  if (applied)
    return (
      <form action={formAction} className="mt-3 flex items-center justify-between gap-2 text-sm" data-testid="promotion-applied">
        <span className="rounded bg-[var(--ck-surface)] px-2 py-1 font-medium">{t('applied', { code: applied.code })}</span>
        <span className="text-[var(--ck-muted)]">{applied.label}</span>
        <input type="hidden" name="remove" value="true" />
        <button type="submit" disabled={pending} aria-label={t('remove')} className="px-2 text-lg leading-none">
          ×
        </button>
        <CartErrorMessage error={state.error} />
      </form>
    );
  // <details> opens the field without any script; the error keeps it open after a refused code.
  return (
    <details className="mt-3" open={state.error !== null || undefined}>
      <summary className="cursor-pointer text-sm font-medium text-[var(--ck-link)] underline-offset-2 hover:underline">{t('add')}</summary>
      <form action={formAction} className="mt-2 flex gap-2" aria-busy={pending}>
        <label htmlFor="promotion-code" className="sr-only">
          {t('label')}
        </label>
        <CodeInput placeholder={t('label')} invalid={state.error !== null} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] px-3 py-2 text-sm font-medium"
        >
          {t('apply')}
        </button>
      </form>
      <CartErrorMessage error={state.error} id="promotion-code-error" testId="promotion-error" />
    </details>
  );
}

/**
 * Controlled, so a refused code stays to be corrected: React resets a form's uncontrolled fields once
 * its action returns. Unmounted while a code is applied, so it is empty again after a removal.
 */
function CodeInput({ placeholder, invalid }: { placeholder: string; invalid: boolean }) {
  const [code, setCode] = useState('');
  return (
    <input
      id="promotion-code"
      name="code"
      value={code}
      onChange={(e) => {
        setCode(e.target.value);
      }}
      placeholder={placeholder}
      autoComplete="off"
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? 'promotion-code-error' : undefined}
      className="flex-1 rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2 uppercase"
    />
  );
}
