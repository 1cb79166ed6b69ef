'use client';

import type { ButtonHTMLAttributes } from 'react';
import { useHydrated } from './use-hydrated';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' };

const VARIANTS = {
  primary: 'bg-[var(--ck-button)] text-[var(--ck-button-text)] border-transparent',
  secondary: 'bg-[var(--ck-surface)] text-[var(--ck-text)] border-[var(--ck-border)]',
  danger: 'bg-[var(--ck-surface)] text-red-800 border-red-300',
};

/**
 * The house button, in the same theme variables as the checkout's pay button. It stays disabled
 * until the page has hydrated: dashboard buttons run client code, and an earlier click would be lost.
 */
export function Button({ variant = 'primary', className = '', type = 'button', disabled, ...rest }: Props) {
  const hydrated = useHydrated();
  return (
    <button
      type={type}
      disabled={disabled || !hydrated}
      className={`inline-flex items-center justify-center rounded-[var(--ck-radius-button)] border px-4 py-2 text-sm font-semibold disabled:opacity-60 ${VARIANTS[variant]} ${className}`}
      {...rest}
    />
  );
}
