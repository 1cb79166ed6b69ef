'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { FieldValues, UseFormRegister } from 'react-hook-form';
import { compactLabels, type AddressField, type CompactAddressRules } from '@/lib/addresses/address-field-rules';
import type { Subdivisions } from '@/lib/addresses/address-form-data';
import type { CountryOption } from '@/lib/checkout/country-options';
import { OptionSelect } from './option-select';
import { Field } from '@/components/ui/field';
import { useInteractive } from './use-interactive';

type Props = {
  prefix: 'shipping' | 'billing';
  full: boolean;
  countries: CountryOption[];
  register: UseFormRegister<FieldValues>;
  error: (path: string) => string | null;
  note?: string | null;
  /** What the customer typed before, by field path. */
  value: (path: string) => string | undefined;
  /** Every country's fields, requirements and field names (lib/addresses), and the country chosen now. */
  rules: CompactAddressRules;
  country: string | undefined;
  /** The chosen country's subdivisions as the server rendered them; others are fetched when the customer picks them. */
  subdivisions: Subdivisions | null;
  /** Where a country's subdivisions are fetched from (`${base}/${country}?locale=…`), and in which language. */
  subdivisionsUrl: string | null;
  locale: string;
};

/** Before a country is chosen: every field, with the general names. */
const ANY_COUNTRY: readonly AddressField[] = ['line1', 'city', 'state', 'postal_code'];
const LETTER: Record<AddressField, string> = { line1: 'A', city: 'C', state: 'S', postal_code: 'Z' };

/** A country's subdivisions: the server's for its country, else fetched once a country is picked (with JavaScript). */
function useSubdivisions(country: string | undefined, initial: Subdivisions | null, url: string | null, locale: string, wanted: boolean) {
  const [loaded, setLoaded] = useState<Subdivisions | null>(initial);
  useEffect(() => {
    if (!country || !url || !wanted || loaded?.country === country) return;
    const controller = new AbortController();
    fetch(`${url}/${country}?locale=${encodeURIComponent(locale)}`, { signal: controller.signal })
      .then(async (r) => (r.ok ? ((await r.json()) as { subdivisions: Subdivisions['list'] }) : { subdivisions: null }))
      .then((body) => {
        setLoaded({ country, list: body.subdivisions });
      })
      // Without the list the state stays a text field, which the server checks all the same.
      .catch(() => undefined);
    return () => {
      controller.abort();
    };
  }, [country, url, locale, wanted, loaded?.country]);
  return loaded && loaded.country === country ? loaded.list : null;
}

/**
 * An address as the chosen country writes it (lib/addresses, from Google's address metadata): its fields in its
 * order, named as it names them (State, Prefecture, County…; ZIP code, Postcode, Eircode…), its subdivisions as a
 * list, and only the fields it has. With a card and no full address asked: the country and, where it has one, the
 * postal code. Without JavaScript the server renders the country last chosen.
 */
export function AddressFields(props: Props) {
  const { prefix, full, countries, register, error, note, value, rules, country } = props;
  const t = useTranslations('Address');
  const id = (f: string) => `${prefix}-${f}`;
  const at = (f: string) => `${prefix}.${f}`;
  const known = useInteractive() && country !== undefined && Object.hasOwn(rules, country);
  const [fieldLetters] = known ? rules[country] : ['ACSZ'];
  const order = known ? ANY_COUNTRY.filter((f) => fieldLetters.includes(LETTER[f])) : ANY_COUNTRY;
  const sorted = known ? [...order].sort((a, b) => fieldLetters.indexOf(LETTER[a]) - fieldLetters.indexOf(LETTER[b])) : order;
  const labels = compactLabels(rules, known ? country : undefined);
  const loaded = useSubdivisions(country, props.subdivisions, props.subdivisionsUrl, props.locale, full && order.includes('state'));
  const subdivisions = known ? loaded : null;
  const fields = sorted.filter((f) => full || f === 'postal_code');

  const field = (f: AddressField) => {
    switch (f) {
      case 'line1':
        return (
          <div key="lines" className="col-span-2 space-y-3">
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
          </div>
        );
      case 'city':
        return (
          <Field
            key="city"
            id={id('city')}
            label={known ? t(`locality.${labels.locality}` as never) : t('city')}
            autoComplete={`${prefix} address-level2`}
            defaultValue={value(at('city'))}
            error={error(at('city'))}
            {...register(at('city'))}
          />
        );
      case 'state':
        return subdivisions ? (
          <OptionSelect
            key={`state-${String(country)}`}
            id={id('state')}
            label={t(`region.${labels.state}` as never)}
            placeholder={t('chooseRegion')}
            options={subdivisions}
            autoComplete={`${prefix} address-level1`}
            defaultValue={value(at('state'))}
            error={error(at('state'))}
            {...register(at('state'))}
          />
        ) : (
          <Field
            key="state"
            id={id('state')}
            label={known ? t(`region.${labels.state}` as never) : t('state')}
            autoComplete={`${prefix} address-level1`}
            defaultValue={value(at('state'))}
            error={error(at('state'))}
            {...register(at('state'))}
          />
        );
      case 'postal_code':
        return (
          <Field
            key="postal_code"
            id={id('postal_code')}
            label={known ? t(`postal.${labels.postal}` as never) : t('postalCode')}
            autoComplete={`${prefix} postal-code`}
            defaultValue={value(at('postal_code'))}
            error={error(at('postal_code'))}
            {...register(at('postal_code'))}
          />
        );
    }
  };

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
      <OptionSelect
        id={id('country')}
        label={t('country')}
        placeholder={t('chooseCountry')}
        options={countries}
        autoComplete={`${prefix} country`}
        defaultValue={value(at('country'))}
        error={error(at('country'))}
        {...register(at('country'))}
      />
      {fields.length ? <div className="grid grid-cols-2 gap-3">{fields.map(field)}</div> : null}
    </fieldset>
  );
}
