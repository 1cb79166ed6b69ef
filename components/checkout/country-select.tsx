'use client';

import { useMemo, type SelectHTMLAttributes } from 'react';
import { FieldError } from './field-error';

type Props = SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; countries: readonly string[]; locale: string; placeholder: string; error?: string | null };

/** Countries named in the page's language (Intl.DisplayNames), sorted by that name. */
export function CountrySelect({ id, label, countries, locale, placeholder, error, ...select }: Props) {
  const options = useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return countries.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [countries, locale]);
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="block w-full rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2 text-[var(--ck-text)]"
        {...select}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
