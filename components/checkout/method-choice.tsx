'use client';

import { useTranslations } from 'next-intl';
import type { FieldValues, UseFormRegister } from 'react-hook-form';
import type { PayMethod } from '@/lib/validation/checkout-page';

/** "method-sepa-debit": PayForm's CSS names it, and Tailwind would read an underscore there as a space. */
export const radioId = (m: PayMethod) => `method-${m.replace('_', '-')}`;

/**
 * The choice between the session's payment methods: plain radios named
 * `method`, so the choice posts without JavaScript too. Which fields show is
 * pure CSS on the checked radio (see PayForm), for the same reason.
 */
export function MethodChoice({
  methods,
  register,
  chosen,
}: {
  methods: PayMethod[];
  register: UseFormRegister<FieldValues>;
  chosen: PayMethod;
}) {
  const t = useTranslations('PaymentMethod');
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 text-base font-semibold">{t('legend')}</legend>
      <div className="grid grid-cols-2 gap-3">
        {methods.map((m) => (
          <label
            key={m}
            htmlFor={radioId(m)}
            className="flex cursor-pointer items-center gap-2 rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2 has-[:checked]:border-[var(--ck-button)] has-[:checked]:ring-1 has-[:checked]:ring-[var(--ck-button)]"
          >
            <input id={radioId(m)} type="radio" value={m} defaultChecked={m === chosen} {...register('method')} />
            {t(m)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
