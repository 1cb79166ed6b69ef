'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { CartAction } from '@/lib/checkout/page-state';
import { CartErrorMessage } from './cart-error';

/** An optional item offered with an "Add" button (a plain form post). */
export function OptionalItem({ lineId, name, price, action }: { lineId: string; name: string; price: string; action: CartAction }) {
  const t = useTranslations('Cart');
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <form action={formAction} className="flex flex-wrap items-center justify-between gap-3 py-2">
      <input type="hidden" name="line" value={lineId} />
      <input type="hidden" name="selected" value="true" />
      <span>
        <span className="block font-medium">{name}</span>
        <span className="block text-sm text-[var(--ck-muted)]">{price}</span>
      </span>
      <button
        type="submit"
        disabled={pending}
        aria-label={t('addOptional', { name })}
        className="rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] px-3 py-1 text-sm font-medium"
      >
        {t('add')}
      </button>
      <CartErrorMessage error={state.error} />
    </form>
  );
}
