'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState } from 'react';
import type { CartAction } from '@/lib/checkout/page-state';
import { CartErrorMessage } from './cart-error';

type Props = {
  options: { id: string; name: string; price: string; estimate: string | null }[];
  selected: string | null;
  action: CartAction;
};

/**
 * The session's shipping rates as radio buttons, inside the pay form after the shipping address (as on Stripe's
 * page). Choosing one sends it to `action` at once with JavaScript; without it, the "Use this shipping method"
 * button posts the pay form with intent=update_shipping, and the pay action selects it and keeps what was typed.
 */
export function ShippingOptions({ options, selected, action }: Props) {
  const t = useTranslations('Shipping');
  const [state, dispatch, pending] = useActionState(action, { error: null });
  const choose = (rate: string) => {
    const form = new FormData();
    form.set('shipping_rate', rate);
    startTransition(() => {
      dispatch(form);
    });
  };
  return (
    <div aria-busy={pending}>
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
                onChange={(e) => {
                  choose(e.currentTarget.value);
                }}
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
        <button type="submit" name="intent" value="update_shipping" formNoValidate className="mt-2 text-sm underline">
          {t('choose')}
        </button>
      </noscript>
      <CartErrorMessage error={state.error} />
    </div>
  );
}
