'use client';

import type { SelectHTMLAttributes } from 'react';
import { FieldError } from '@/components/ui/field-error';

type Props = SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; hint?: string; error?: string | null };

/** A labelled select, styled and wired for errors like Field. */
export function SelectField({ id, label, hint, error, className, children, ...select }: Props) {
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className="block w-full rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2 text-[var(--ck-text)]"
        {...select}
      >
        {children}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-[var(--ck-muted)]">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
