'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';

/**
 * The second step of a form that moves money: the question in plain words ("Refund €12.00 to
 * Visa •••• 4242?"), a confirm button that submits the form, and a way back to change it. Focus
 * moves to the question, so a screen reader reads it before the buttons.
 */
export function ConfirmStep({
  question,
  children,
  confirm,
  back,
  onBack,
  pending,
  variant = 'primary',
}: {
  question: string;
  children?: ReactNode;
  confirm: string;
  back: string;
  onBack: () => void;
  pending: boolean;
  variant?: 'primary' | 'danger';
}) {
  const id = useId();
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div
      role="group"
      aria-labelledby={id}
      className="space-y-3 rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] p-3"
      data-testid="confirm-step"
    >
      <p id={id} ref={heading} tabIndex={-1} className="font-semibold outline-none">
        {question}
      </p>
      {children}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant={variant} disabled={pending}>
          {confirm}
        </Button>
        <Button variant="secondary" onClick={onBack} disabled={pending}>
          {back}
        </Button>
      </div>
    </div>
  );
}
