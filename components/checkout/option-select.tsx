'use client';

import type { SelectHTMLAttributes } from 'react';
import { FieldError } from '@/components/ui/field-error';

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  options: readonly { code: string; name: string }[];
  placeholder: string;
  error?: string | null;
};

/** A labelled select of coded options (countries, a country's subdivisions), named and sorted by the server, with a first empty choice. */
export function OptionSelect({ id, label, options, placeholder, error, ...select }: Props) {
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
