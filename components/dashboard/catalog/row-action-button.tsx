'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';
import { useErrorText } from './use-error-text';

/** One button that runs a bound server action (archive, restore, delete) and says why it failed. */
export function RowActionButton({
  action,
  label,
  variant = 'secondary',
  confirm,
}: {
  action: () => Promise<ActionResult>;
  label: string;
  variant?: 'secondary' | 'danger';
  confirm?: string;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const text = useErrorText();
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        variant={variant}
        className="px-2 py-1 text-xs"
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          start(async () => {
            const r = await action();
            setError(r.ok ? null : r.message);
          });
        }}
      >
        {label}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {text(error)}
        </span>
      ) : null}
    </span>
  );
}
