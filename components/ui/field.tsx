'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldError } from './field-error';

type Props = InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; error?: string | null; hint?: ReactNode };

/** A labelled input whose error is tied to it for screen readers. */
export function Field({ id, label, error, hint, className, ...input }: Props) {
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <div className="relative">
        <input
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="block w-full rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2 text-[var(--ck-text)] aria-[invalid=true]:border-red-700"
          {...input}
        />
        {hint}
      </div>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
