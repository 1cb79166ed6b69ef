'use client';

import { useTranslations } from 'next-intl';
import { rollSecretKeyAction } from '@/app/dashboard/(app)/developers/actions';
import { Button } from '@/components/ui/button';
import { rollKeySchema } from '@/lib/validation/dashboard-developers';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { ExpirySelect } from './expiry-select';
import { errorText } from '@/components/dashboard/error-text';

/** Roll a secret key: the new key comes back once; the old one stops working after the chosen delay. */
export function RollKeyForm({
  keyId,
  shown,
  onCancel,
  onRolled,
}: {
  keyId: string;
  shown: string;
  onCancel: () => void;
  onRolled: (secret: string) => void;
}) {
  const t = useTranslations('Dashboard.developers.keys');
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: rollKeySchema,
    action: rollSecretKeyAction,
    defaultValues: { id: keyId, expiresIn: '24h' },
    onSuccess: (data) => {
      onRolled(data.secret);
    },
  });
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="space-y-3 rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] p-3"
    >
      <h3 className="font-semibold">{t('roll_title', { key: shown })}</h3>
      <FormError message={errorText(t, formError)} />
      <ExpirySelect id="roll-expires" label={t('old_key_expires')} {...form.register('expiresIn')} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {t('roll_submit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
