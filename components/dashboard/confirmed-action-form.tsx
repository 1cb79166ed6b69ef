'use client';

import { useState, useTransition, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';
import { FormError } from './form-error';
import { ConfirmStep } from './payments/confirm-step';

/** A server action that takes nothing but the object it is bound to (accept a dispute, cancel a subscription, void an invoice). */
export type ConfirmedAction = () => Promise<ActionResult<unknown>>;

/**
 * A form of one button whose action cannot be taken back lightly: the first press asks the question in
 * plain words (ConfirmStep, which takes the focus), the second runs the action. Done or refused, the form
 * is back at its button; a refusal is shown above it, in the dashboard's words (lib/actions).
 */
export function ConfirmedActionForm({
  testId,
  intro,
  review,
  question,
  confirm,
  back,
  variant = 'danger',
  action,
}: {
  testId: string;
  intro?: ReactNode;
  review: string;
  question: string;
  confirm: string;
  back: string;
  variant?: 'primary' | 'danger';
  action: ConfirmedAction;
}) {
  const [reviewing, setReviewing] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      method="post"
      noValidate
      className="space-y-3"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        if (!reviewing) {
          setError(null);
          setReviewing(true);
          return;
        }
        start(async () => {
          const r = await action();
          setError(r.ok ? null : r.message);
          setReviewing(false);
        });
      }}
    >
      <FormError message={error} />
      {reviewing ? (
        <ConfirmStep
          question={question}
          confirm={confirm}
          back={back}
          onBack={() => {
            setReviewing(false);
          }}
          pending={pending}
          variant={variant}
        />
      ) : (
        <>
          {intro ? <p className="text-sm">{intro}</p> : null}
          <Button type="submit" variant={variant}>
            {review}
          </Button>
        </>
      )}
    </form>
  );
}
