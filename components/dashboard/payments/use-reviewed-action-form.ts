'use client';

import { useState, type BaseSyntheticEvent } from 'react';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/result';
import { useActionForm } from '../use-action-form';

/**
 * A payment form in two steps (useActionForm, then a confirmation): the first submit checks the fields
 * and keeps their values to review (`reviewing`, shown with ConfirmStep) unless `reviewable` says no; the
 * second runs the action with them. Done or refused, the form is back at its fields afterwards, where a
 * refusal's errors show; `onSuccess` gets the values that were confirmed.
 */
export function useReviewedActionForm<Input extends FieldValues, Output, T>(p: {
  schema: z.ZodType<Output, Input>;
  action: (values: Output) => Promise<ActionResult<T>>;
  defaultValues?: DefaultValues<Input>;
  reviewable?: (values: Output) => boolean;
  onSuccess?: (confirmed: Output, data: T) => void;
}) {
  const [reviewing, setReviewing] = useState<Output | null>(null);
  const actionForm = useActionForm({
    schema: p.schema,
    action: async (values: Output) => {
      const result = await p.action(values);
      if (result.ok) p.onSuccess?.(values, result.data);
      setReviewing(null);
      return result;
    },
    defaultValues: p.defaultValues,
  });
  const review = actionForm.form.handleSubmit((values) => {
    actionForm.clearSucceeded();
    setReviewing(p.reviewable && !p.reviewable(values) ? null : values);
  });
  return {
    ...actionForm,
    reviewing,
    /** Back from the confirmation to the fields. */
    back: () => {
      setReviewing(null);
    },
    /** The form's onSubmit: review first, then confirm. */
    onFormSubmit: (event: BaseSyntheticEvent) => {
      if (reviewing) actionForm.onSubmit(event);
      else void review(event);
    },
  };
}
