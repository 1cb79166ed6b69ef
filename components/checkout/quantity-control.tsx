'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { CartAction } from '@/lib/checkout/page-state';
import { CartErrorMessage } from './cart-error';

type Props = {
  name: string;
  lineId: string;
  quantity: number;
  minimum: number;
  maximum: number;
  action: CartAction;
};

/**
 * Decrease / increase buttons and a number field. Each is a plain form post,
 * so it works without JavaScript; with it, the server action runs inline.
 */
export function QuantityControl({ name, lineId, quantity, minimum, maximum, action }: Props) {
  const t = useTranslations('Cart');
  const [state, formAction, pending] = useActionState(action, { error: null });
  const inputId = `qty-${lineId}`;
  return (
    <form action={formAction} className="mt-2 flex items-center gap-2" aria-busy={pending}>
      <input type="hidden" name="line" value={lineId} />
      {/* First in the form, so that Enter in the number field submits it as typed (no step). */}
      <button type="submit" className="order-last text-sm text-[var(--ck-link)] underline">
        {t('update')}
      </button>
      <button
        type="submit"
        name="step"
        value="-1"
        disabled={pending || quantity <= minimum}
        aria-label={t('decrease')}
        className="h-8 w-8 rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] disabled:opacity-40"
      >
        −
      </button>
      <label htmlFor={inputId} className="sr-only">
        {t('quantityLabel', { name })}
      </label>
      <input
        id={inputId}
        key={quantity}
        name="quantity"
        type="number"
        inputMode="numeric"
        min={minimum}
        max={maximum}
        defaultValue={quantity}
        className="h-8 w-14 rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] text-center"
        onBlur={(e) => {
          if (Number(e.currentTarget.value) !== quantity) e.currentTarget.form?.requestSubmit();
        }}
      />
      <button
        type="submit"
        name="step"
        value="1"
        disabled={pending || quantity >= maximum}
        aria-label={t('increase')}
        className="h-8 w-8 rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] disabled:opacity-40"
      >
        +
      </button>
      <CartErrorMessage error={state.error} />
    </form>
  );
}
