'use client';

import { useTranslations } from 'next-intl';
import type { FieldValues, UseFormRegister } from 'react-hook-form';
import { FieldError } from '@/components/ui/field-error';

/** consent_collection: the promotions box and the terms of service box (required: the form says so when unticked). */
export function ConsentFields({
  promotions,
  terms,
  register,
  error,
  value,
}: {
  promotions: boolean;
  /** The terms box's words (custom_text.terms_of_service_acceptance, else the page's own), or null without it. */
  terms: string | null;
  register: UseFormRegister<FieldValues>;
  error: (path: string) => string | null;
  /** What the customer ticked before, by field path. */
  value: (path: string) => string | undefined;
}) {
  const t = useTranslations();
  return (
    <fieldset className="space-y-2">
      {promotions ? (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            defaultChecked={value('promotions') === 'true'}
            {...register('promotions')}
            value="true"
          />
          {t('Consent.promotions')}
        </label>
      ) : null}
      {terms !== null ? (
        <div>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              defaultChecked={value('terms') === 'true'}
              aria-invalid={error('terms') ? true : undefined}
              aria-describedby={error('terms') ? 'terms-error' : undefined}
              {...register('terms')}
              value="true"
            />
            {terms}
          </label>
          <FieldError id="terms-error" message={error('terms')} />
        </div>
      ) : null}
    </fieldset>
  );
}
