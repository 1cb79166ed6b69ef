'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState, useTransition, type BaseSyntheticEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/result';

/**
 * react-hook-form checked by the shared zod schema, submitted to a server action that checks
 * it again. Errors the server finds land on their fields, or in `formError`. Submit buttons
 * (components/ui/button) wait for hydration themselves, so an early click is never lost.
 */
export function useActionForm<Input extends FieldValues, Output, T>(p: {
  schema: z.ZodType<Output, Input>;
  action: (values: Output) => Promise<ActionResult<T>>;
  defaultValues?: DefaultValues<Input>;
  onSuccess?: (data: T) => void;
}) {
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(p.schema), defaultValues: p.defaultValues });
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  // True after a successful submit, until the merchant edits the form again.
  const [succeeded, setSucceeded] = useState(false);
  const submit = form.handleSubmit(
    (values) =>
      new Promise<void>((resolve) => {
        startTransition(async () => {
          setFormError(null);
          setSucceeded(false);
          try {
            const result = await p.action(values);
            if (result.ok) {
              p.onSuccess?.(result.data);
              setSucceeded(true);
            } else {
              // The server's messages are in the dashboard's language already (lib/actions).
              for (const [name, message] of Object.entries(result.fieldErrors ?? {}))
                form.setError(name as Path<Input>, { type: 'server', message });
              if (!result.fieldErrors || Object.keys(result.fieldErrors).length === 0) setFormError(result.message);
            }
          } finally {
            resolve();
          }
        });
      }),
  );
  /** The form's onSubmit: handleSubmit prevents the browser's own post at once; the submission runs on (pending tells it). */
  const onSubmit = (event?: BaseSyntheticEvent) => {
    void submit(event);
  };
  return {
    form,
    onSubmit,
    pending,
    formError,
    succeeded,
    clearSucceeded: () => {
      setSucceeded(false);
    },
  };
}
