'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { UseFormRegister, FieldValues } from 'react-hook-form';
import { cvcLength, detectBrand, formatCardNumber, normalizeCardNumber, type CardBrand } from '@/lib/payments/card-number';
import { Field } from '@/components/ui/field';
import { brandName } from '@/lib/payments/card-brands';

/** "1225" → "12 / 25" as the customer types. */
function formatExpiry(raw: string): string {
  const digits = raw.replace(/\D/g, '').slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
}

/** Card number (grouped as typed, brand shown), expiry, CVC and cardholder name. Never stored in the browser either. */
export function CardFields({
  register,
  error,
  defaultName,
}: {
  register: UseFormRegister<FieldValues>;
  error: (path: string) => string | null;
  defaultName?: string;
}) {
  const t = useTranslations('Card');
  const [brand, setBrand] = useState<CardBrand>('unknown');
  const number = register('card.number');
  const expiry = register('card.expiry');
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-base font-semibold">{t('title')}</legend>
      <Field
        id="card-number"
        label={t('number')}
        autoComplete="cc-number"
        inputMode="numeric"
        placeholder="1234 1234 1234 1234"
        error={error('card.number')}
        {...number}
        onChange={(e) => {
          const digits = normalizeCardNumber(e.target.value) ?? e.target.value.replace(/\D/g, '');
          const detected = detectBrand(digits);
          setBrand(detected);
          e.target.value = formatCardNumber(digits.slice(0, 19), detected);
          void number.onChange(e);
        }}
        hint={
          brand !== 'unknown' ? (
            <span
              className="absolute inset-y-0 right-3 flex items-center text-xs font-semibold text-[var(--ck-muted)]"
              aria-live="polite"
              data-testid="card-brand"
            >
              {brandName(brand)}
              <span className="sr-only">{t('brand', { brand: brandName(brand) })}</span>
            </span>
          ) : null
        }
      />
      <div className="grid grid-cols-2 gap-3">
        <Field
          id="card-expiry"
          label={t('expiry')}
          autoComplete="cc-exp"
          inputMode="numeric"
          placeholder={t('expiryPlaceholder')}
          error={error('card.expiry')}
          {...expiry}
          onChange={(e) => {
            e.target.value = formatExpiry(e.target.value);
            void expiry.onChange(e);
          }}
        />
        <Field
          id="card-cvc"
          label={t('cvc')}
          autoComplete="cc-csc"
          inputMode="numeric"
          maxLength={cvcLength(brand)}
          placeholder="CVC"
          error={error('card.cvc')}
          {...register('card.cvc')}
        />
      </div>
      <Field
        id="card-name"
        label={t('name')}
        autoComplete="cc-name"
        defaultValue={defaultName}
        error={error('card.name')}
        {...register('card.name')}
      />
    </fieldset>
  );
}
