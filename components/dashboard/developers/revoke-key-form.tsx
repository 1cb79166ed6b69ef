'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { revokeSecretKeyAction } from '@/app/dashboard/(app)/developers/actions';
import { Button } from '@/components/ui/button';
import { FormError } from '../form-error';

/**
 * Revoke a secret key at once. When it is the last live one the server refuses
 * until the merchant ticks that they understand no key will work any more.
 */
export function RevokeKeyForm({ keyId, shown, onDone }: { keyId: string; shown: string; onDone: () => void }) {
  const t = useTranslations('Dashboard.developers.keys');
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [lastKey, setLastKey] = useState(false);
  const [confirmLast, setConfirmLast] = useState(false);
  const revoke = () => {
    startTransition(async () => {
      setError(null);
      const result = await revokeSecretKeyAction({ id: keyId, confirmLast });
      if (result.ok) {
        onDone();
        return;
      }
      if (result.error === 'last_active_key') setLastKey(true);
      else setError(result.message);
    });
  };
  return (
    <div className="space-y-3 rounded-[var(--ck-radius-control)] border border-red-300 p-3">
      <h3 className="font-semibold">{t('revoke_title', { key: shown })}</h3>
      <p className="text-sm">{t('revoke_warning')}</p>
      <FormError message={error} />
      {lastKey ? (
        <div role="alert" className="space-y-2 text-sm text-red-800">
          <p>{t('errors.last_active_key')}</p>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={confirmLast}
              onChange={(e) => {
                setConfirmLast(e.target.checked);
              }}
            />
            {t('confirm_last')}
          </label>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" onClick={revoke} disabled={pending || (lastKey && !confirmLast)}>
          {t('revoke_submit')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}
