'use client';

import { useTranslations } from 'next-intl';
import type { FieldValues, UseFormRegister } from 'react-hook-form';
import { Field } from '@/components/ui/field';

/**
 * "Save my details with Caisse Pass", under the card fields: the phone it asks for shows only once the box is
 * ticked (CSS on the pay form reads the box, so without JavaScript too).
 */
export function PassOptIn({
  register,
  error,
  value,
}: {
  register: UseFormRegister<FieldValues>;
  error: (path: string) => string | null;
  value: (path: string) => string | undefined;
}) {
  const t = useTranslations('Pass');
  return (
    <div className="mt-4 space-y-3" data-testid="pass-opt-in">
      <label className="flex items-start gap-2 text-sm">
        <input
          id="pass-opt-in"
          type="checkbox"
          className="mt-1"
          defaultChecked={value('pass_opt_in') === 'true'}
          {...register('pass_opt_in')}
          value="true"
        />
        <span>
          {t('optIn')}
          <span className="block text-[var(--ck-muted)]">{t('optInHint')}</span>
        </span>
      </label>
      <Field
        id="pass-phone"
        type="tel"
        autoComplete="tel"
        label={t('phone')}
        className="hidden group-has-[#pass-opt-in:checked]:block"
        defaultValue={value('pass_phone')}
        error={error('pass_phone')}
        {...register('pass_phone')}
      />
    </div>
  );
}
