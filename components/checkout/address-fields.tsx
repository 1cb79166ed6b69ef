'use client';

import { useTranslations } from 'next-intl';
import type { FieldValues, UseFormRegister } from 'react-hook-form';
import type { CountryOption } from '@/lib/checkout/country-options';
import { CountrySelect } from './country-select';
import { Field } from '@/components/ui/field';

type Props = {
  prefix: 'shipping' | 'billing';
  full: boolean;
  countries: CountryOption[];
  register: UseFormRegister<FieldValues>;
  error: (path: string) => string | null;
  note?: string | null;
  /** What the customer typed before, by field path. */
  value: (path: string) => string | undefined;
};

/** An address: the whole of it, or (billing with a card) just country and postal code. */
export function AddressFields({ prefix, full, countries, register, error, note, value }: Props) {
  const t = useTranslations('Address');
  const id = (f: string) => `${prefix}-${f}`;
  const at = (f: string) => `${prefix}.${f}`;
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-base font-semibold">{prefix === 'shipping' ? t('shippingTitle') : t('billingTitle')}</legend>
      {note ? <p className="text-sm text-[var(--ck-muted)]">{note}</p> : null}
      {full ? (
        <Field
          id={id('name')}
          label={t('name')}
          autoComplete={`${prefix} name`}
          defaultValue={value(at('name'))}
          error={error(at('name'))}
          {...register(at('name'))}
        />
      ) : null}
      <CountrySelect
        id={id('country')}
        label={t('country')}
        placeholder={t('chooseCountry')}
        options={countries}
        autoComplete={`${prefix} country`}
        defaultValue={value(at('country'))}
        error={error(at('country'))}
        {...register(at('country'))}
      />
      {full ? (
        <>
          <Field
            id={id('line1')}
            label={t('line1')}
            autoComplete={`${prefix} address-line1`}
            defaultValue={value(at('line1'))}
            error={error(at('line1'))}
            {...register(at('line1'))}
          />
          <Field
            id={id('line2')}
            label={t('line2')}
            autoComplete={`${prefix} address-line2`}
            defaultValue={value(at('line2'))}
            error={error(at('line2'))}
            {...register(at('line2'))}
          />
          <div className="grid grid-cols-2 gap-3">
            <Field
              id={id('city')}
              label={t('city')}
              autoComplete={`${prefix} address-level2`}
              defaultValue={value(at('city'))}
              error={error(at('city'))}
              {...register(at('city'))}
            />
            <Field
              id={id('state')}
              label={t('state')}
              autoComplete={`${prefix} address-level1`}
              defaultValue={value(at('state'))}
              error={error(at('state'))}
              {...register(at('state'))}
            />
          </div>
        </>
      ) : null}
      <Field
        id={id('postal_code')}
        label={t('postalCode')}
        autoComplete={`${prefix} postal-code`}
        defaultValue={value(at('postal_code'))}
        error={error(at('postal_code'))}
        {...register(at('postal_code'))}
      />
    </fieldset>
  );
}
