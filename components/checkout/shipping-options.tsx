'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { CartAction } from '@/lib/checkout/page-state';
import { CartErrorMessage } from './cart-error';

type Props = {
  options: { id: string; name: string; price: string; estimate: string | null }[];
  selected: string | null;
  action: CartAction;
};

/**
 * The session's shipping rates as radio buttons. Choosing one submits at once
 * with JavaScript; without it, the "Use this shipping method" button does.
 */
export function ShippingOptions({ options, selected, action }: Props) {
  const t = useTranslations('Shipping');
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <form action={formAction} aria-busy={pending}>
      <fieldset className="space-y-2">
        <legend className="mb-2 text-base font-semibold">{t('title')}</legend>
        {options.map((o) => (
          <label
            key={o.id}
            className="flex items-center justify-between gap-3 rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2"
          >
            <span className="flex items-center gap-2">
              <input
                type="radio"
                name="shipping_rate"
                value={o.id}
                defaultChecked={o.id === selected}
                onChange={(e) => e.currentTarget.form?.requestSubmit()}
              />
              <span>
                <span className="block">{o.name}</span>
                {o.estimate ? <span className="block text-sm text-[var(--ck-muted)]">{o.estimate}</span> : null}
              </span>
            </span>
            <span>{o.price}</span>
          </label>
        ))}
      </fieldset>
      <noscript>
        <button type="submit" className="mt-2 text-sm underline">
          {t('choose')}
        </button>
      </noscript>
      <CartErrorMessage error={state.error} />
    </form>
  );
}
