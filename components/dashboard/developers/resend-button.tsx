'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { resendDeliveryAction } from '@/app/dashboard/(app)/developers/actions';
import { Button } from '@/components/ui/button';
import { FormError } from '../form-error';

/** Sends the event to the endpoint again now; the delivery log refreshes with the outcome. */
export function ResendButton({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations('Dashboard.developers.deliveries');
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const resend = () => {
    startTransition(async () => {
      setError(null);
      const result = await resendDeliveryAction({ deliveryId });
      if (result.ok) setQueued(true);
      else setError(result.message);
    });
  };
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <Button onClick={resend} disabled={pending}>
        {t('resend')}
      </Button>
      {queued ? (
        <p role="status" className="text-sm text-[var(--ck-muted)]">
          {t('resend_queued')}
        </p>
      ) : null}
    </div>
  );
}
