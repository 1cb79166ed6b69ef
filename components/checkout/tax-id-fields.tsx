'use client';

import { useTranslations } from 'next-intl';
import type { FieldValues, UseFormRegister } from 'react-hook-form';
import { Field } from '@/components/ui/field';

type Props = {
  /** if_supported: the business fields are always shown, with no checkbox (asked where the country has a tax ID). */
  required: boolean;
  /** The example of each country's tax ID, and the country chosen (shipping, else billing), to show the right one. */
  examples: Readonly<Record<string, string>>;
  country: string | undefined;
  register: UseFormRegister<FieldValues>;
  error: (path: string) => string | null;
  value: (path: string) => string | undefined;
};

/**
 * "I’m purchasing as a business": the business's name and tax ID. Without JavaScript too, the checkbox shows the
 * fields (CSS reads it); the server checks the number against the country's format and check digits.
 */
export function TaxIdFields({ required, examples, country, register, error, value }: Props) {
  const t = useTranslations('TaxId');
  const example = country ? examples[country] : undefined;
  return (
    <div className="space-y-3">
      {/* if_supported needs no box: the schema asks for the fields wherever the country has a business tax ID. */}
      {required ? null : (
        <label className="flex items-start gap-2 text-sm">
          <input
            id="tax-business"
            type="checkbox"
            className="mt-1"
            defaultChecked={value('tax_id.business') === 'true'}
            {...register('tax_id.business')}
            value="true"
          />
          {t('business')}
        </label>
      )}
      <div className={required ? 'space-y-3' : 'hidden space-y-3 group-has-[#tax-business:checked]:block'}>
        <Field
          id="tax-business-name"
          label={t('businessName')}
          autoComplete="organization"
          defaultValue={value('tax_id.business_name')}
          error={error('tax_id.business_name')}
          {...register('tax_id.business_name')}
        />
        <div>
          <Field
            id="tax-id"
            label={t('value')}
            autoComplete="off"
            spellCheck={false}
            defaultValue={value('tax_id.value')}
            error={error('tax_id.value')}
            aria-describedby={example ? 'tax-id-example' : undefined}
            {...register('tax_id.value')}
          />
          {example ? (
            <p id="tax-id-example" className="mt-1 text-xs text-[var(--ck-muted)]">
              {t('example', { example })}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
