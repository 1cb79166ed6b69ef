'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import type { ActionResult } from '@/lib/actions/result';
import {
  AFTER_RETRIES,
  retrySettingsFormSchema,
  type RetrySettingsFormInput,
  type RetrySettingsFormValues,
} from '@/lib/validation/retry-settings';
import { errorText } from '../error-text';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';

export type SaveRetrySettingsAction = (values: RetrySettingsFormValues) => Promise<ActionResult<unknown>>;

/** How failed subscription payments are retried: the days ("3, 5, 7") and what happens once the last retry failed. */
export function RetrySettingsForm({ initial, action }: { initial: RetrySettingsFormInput; action: SaveRetrySettingsAction }) {
  const t = useTranslations('Dashboard.settings');
  const { form, onSubmit, pending, formError, succeeded, clearSucceeded } = useActionForm({
    schema: retrySettingsFormSchema,
    action,
    defaultValues: initial,
    onSuccess: () => {
      form.reset(form.getValues());
    },
  });
  const err = (message?: string | null) => errorText(t, message);
  const { errors } = form.formState;
  const daysError = err(errors.retryDays?.message);
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="max-w-2xl space-y-4"
      onChange={clearSucceeded}
      data-testid="retry-settings-form"
    >
      <Card title={t('retry_title')}>
        <p className="mb-4 text-sm text-[var(--ck-muted)]">{t('retry_hint')}</p>
        <div className="space-y-4">
          <FormError message={err(formError ?? undefined)} />
          <div>
            <Field
              id="retry-days"
              label={t('retry_days')}
              inputMode="numeric"
              autoComplete="off"
              error={daysError}
              {...form.register('retryDays')}
              aria-describedby={daysError ? 'retry-days-hint retry-days-error' : 'retry-days-hint'}
            />
            <p id="retry-days-hint" className="mt-1 text-sm text-[var(--ck-muted)]">
              {t('retry_days_hint')}
            </p>
          </div>
          <SelectField
            id="after-retries"
            label={t('after_retries')}
            error={err(errors.afterRetries?.message)}
            {...form.register('afterRetries')}
          >
            {AFTER_RETRIES.map((a) => (
              <option key={a} value={a}>
                {t(`after_retries_options.${a}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </Card>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('retry_save')}
        </Button>
        <p role="status" className="text-sm text-[var(--ck-muted)]">
          {succeeded ? t('retry_saved') : ''}
        </p>
      </div>
    </form>
  );
}
