'use client';

import type { InputHTMLAttributes } from 'react';
import { Field } from '@/components/ui/field';

type Props = InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; hint: string; error?: string | null };

/** An amount typed in the currency's major units (a refund's, a capture's), with a hint under it that is read with the field. */
export function AmountField({ id, hint, error, ...input }: Props) {
  const hintId = `${id}-hint`;
  return (
    <>
      <Field
        id={id}
        inputMode="decimal"
        autoComplete="off"
        error={error}
        {...input}
        aria-describedby={error ? `${hintId} ${id}-error` : hintId}
      />
      <p id={hintId} className="-mt-3 text-sm text-[var(--ck-muted)]">
        {hint}
      </p>
    </>
  );
}
