'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { removeDomainAction, verifyDomainAction } from '@/app/dashboard/(app)/domains/actions';
import { Button } from '@/components/ui/button';
import type { VerifyOutcome } from '@/lib/domains/custom-domains';
import { FormError } from '../form-error';

/** Verify and Remove for one domain, with the lookup's outcome in words. */
export function DomainActions({
  id,
  hostname,
  recordName,
  verified,
}: {
  id: string;
  hostname: string;
  recordName: string;
  verified: boolean;
}) {
  const t = useTranslations('Dashboard.domains');
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const verify = () => {
    startTransition(async () => {
      setError(null);
      setOutcome(null);
      const result = await verifyDomainAction(id);
      if (result.ok) setOutcome(result.data.outcome);
      else setError(result.message);
    });
  };
  const remove = () => {
    startTransition(async () => {
      setError(null);
      const result = await removeDomainAction(id);
      if (!result.ok) setError(result.message);
    });
  };

  return (
    <div className="space-y-2">
      <FormError message={error} />
      <div role="status" aria-live="polite">
        {outcome ? (
          <p data-testid="verify-result" className={`text-sm ${outcome === 'verified' ? 'text-green-800' : 'text-amber-900'}`}>
            {t(`verify_result.${outcome}`, { hostname, name: recordName })}
          </p>
        ) : null}
      </div>
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-sm">{t('remove_confirm', { hostname })}</p>
          <Button variant="danger" onClick={remove} disabled={pending}>
            {t('remove_yes')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setConfirming(false);
            }}
            disabled={pending}
          >
            {t('cancel')}
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {verified ? null : (
            <Button onClick={verify} disabled={pending}>
              {pending ? t('verifying') : t('verify')}
            </Button>
          )}
          <Button
            variant="danger"
            onClick={() => {
              setConfirming(true);
            }}
            disabled={pending}
            aria-label={`${t('remove')} ${hostname}`}
          >
            {t('remove')}
          </Button>
        </div>
      )}
    </div>
  );
}
