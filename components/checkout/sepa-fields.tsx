'use client';

import { useTranslations } from 'next-intl';
import type { FieldValues, UseFormRegister } from 'react-hook-form';
import { formatIban, normalizeIban } from '@/lib/payments/iban';
import { Field } from '@/components/ui/field';

/** IBAN, account holder and the mandate the customer accepts by paying. The IBAN is never echoed back by the server. */
export function SepaFields({
  register,
  error,
  defaultName,
  merchantName,
}: {
  register: UseFormRegister<FieldValues>;
  error: (path: string) => string | null;
  defaultName?: string;
  merchantName: string;
}) {
  const t = useTranslations('Sepa');
  const iban = register('sepa.iban');
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-base font-semibold">{t('title')}</legend>
      <Field
        id="sepa-iban"
        label={t('iban')}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="DE00 0000 0000 0000 0000 00"
        error={error('sepa.iban')}
        {...iban}
        onChange={(e) => {
          // Grouped by four as the customer types, the way IBANs are printed on statements.
          const compact = normalizeIban(e.target.value);
          if (compact !== null) e.target.value = formatIban(compact.slice(0, 34));
          void iban.onChange(e);
        }}
      />
      <Field
        id="sepa-name"
        label={t('name')}
        autoComplete="name"
        defaultValue={defaultName}
        error={error('sepa.name')}
        {...register('sepa.name')}
      />
      <p className="text-xs text-[var(--ck-muted)]" data-testid="sepa-mandate">
        {t('mandate', { merchant: merchantName })}
      </p>
    </fieldset>
  );
}
