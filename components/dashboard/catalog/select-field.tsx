'use client';

import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FieldError } from '@/components/ui/field-error';

type Props = SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; error?: string | null; children: ReactNode };

/** A labelled select in the same look as Field. */
export function SelectField({ id, label, error, className, children, ...select }: Props) {
  const errorId = `${id}-error`;
  return (
    <div className={className}>
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
        {children}
      </select>
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** A labelled checkbox. */
export function CheckboxField({ id, label, ...input }: React.InputHTMLAttributes<HTMLInputElement> & { id: string; label: string }) {
  return (
    <div className="flex items-center gap-2">
      <input id={id} type="checkbox" className="h-4 w-4" {...input} />
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
    </div>
  );
}
