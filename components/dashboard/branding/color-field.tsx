'use client';

import type { InputHTMLAttributes } from 'react';
import { FieldError } from '@/components/ui/field-error';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { id: string; label: string; error?: string | null };

/** A colour picker with its hex value beside it (read by screen readers through the picker itself). */
export function ColorField({ id, label, error, value, ...input }: Props) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <div className="flex items-center gap-3">
        <input
          id={id}
          type="color"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="h-10 w-16 cursor-pointer rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] p-1"
          {...input}
        />
        <code className="text-sm" aria-hidden="true">
          {typeof value === 'string' ? value.toLowerCase() : ''}
        </code>
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
