'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import {
  deleteWebhookEndpointAction,
  rollWebhookSecretAction,
  setWebhookEndpointEnabledAction,
} from '@/app/dashboard/(app)/developers/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { rollKeySchema } from '@/lib/validation/dashboard-developers';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { ExpirySelect } from './expiry-select';
import type { ActionResult } from '@/lib/actions/result';
import { SecretReveal } from './secret-reveal';
import { errorText } from '@/components/dashboard/error-text';

/** Disable or enable, roll the signing secret, delete: one webhook endpoint's controls. */
export function EndpointControls({ id, enabled }: { id: string; enabled: boolean }) {
  const t = useTranslations('Dashboard.developers.webhooks');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const roll = useActionForm({
    schema: rollKeySchema,
    action: rollWebhookSecretAction,
    defaultValues: { id, expiresIn: '24h' },
    onSuccess: (data) => {
      setSecret(data.secret);
    },
  });
  const run = (fn: () => Promise<ActionResult>, after?: () => void) => {
    startTransition(async () => {
      setError(null);
      const result = await fn();
      if (result.ok) after?.();
      else setError(result.message);
    });
  };
  return (
    <Card title={t('controls')}>
      <div className="space-y-4">
        <FormError message={error ?? errorText(t, roll.formError)} />
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => {
              run(() => setWebhookEndpointEnabledAction({ id, enabled: !enabled }));
            }}
          >
            {enabled ? t('disable') : t('enable')}
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => {
              setConfirmDelete(true);
            }}
          >
            {t('delete')}
          </Button>
        </div>
        {confirmDelete ? (
          <div className="space-y-2 rounded-[var(--ck-radius-control)] border border-red-300 p-3">
            <p className="text-sm">{t('delete_warning')}</p>
            <div className="flex flex-wrap gap-2">
              <Button
                variant="danger"
                disabled={pending}
                onClick={() => {
                  run(
                    () => deleteWebhookEndpointAction({ id }),
                    () => {
                      router.push('/dashboard/developers/webhooks');
                    },
                  );
                }}
              >
                {t('delete_submit')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  setConfirmDelete(false);
                }}
              >
                {t('cancel')}
              </Button>
            </div>
          </div>
        ) : null}
        {secret ? (
          <SecretReveal
            label={t('new_signing_secret')}
            secret={secret}
            onDone={() => {
              setSecret(null);
            }}
          />
        ) : (
          <form method="post" onSubmit={roll.onSubmit} noValidate className="flex flex-wrap items-end gap-2">
            <ExpirySelect id="roll-secret-expires" label={t('old_secret_expires')} {...roll.form.register('expiresIn')} />
            <Button type="submit" variant="secondary" disabled={roll.pending}>
              {t('roll_secret')}
            </Button>
          </form>
        )}
      </div>
    </Card>
  );
}
