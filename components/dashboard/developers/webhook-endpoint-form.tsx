'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createWebhookEndpointAction, updateWebhookEndpointAction } from '@/app/dashboard/(app)/developers/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { FieldError } from '@/components/ui/field-error';
import { CAISSE_EVENT_TYPES } from '@/lib/events/event-types';
import { webhookEndpointFormSchema, type WebhookEndpointFormInput } from '@/lib/validation/dashboard-developers';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { SecretReveal } from './secret-reveal';
import { FormSuccess } from '@/components/dashboard/form-success';
import { errorText } from '@/components/dashboard/error-text';

type Props = { endpoint?: { id: string } & WebhookEndpointFormInput };

/**
 * Add (no `endpoint`) or edit a webhook endpoint. The event list is what Caisse
 * emits plus whatever the endpoint already has (a Stripe type set through the API
 * stays ticked), and "*" for every event.
 */
export function WebhookEndpointForm({ endpoint }: Props) {
  const t = useTranslations('Dashboard.developers.webhooks');
  const router = useRouter();
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: webhookEndpointFormSchema,
    action: (values: WebhookEndpointFormInput) =>
      endpoint ? updateWebhookEndpointAction(endpoint.id, values) : createWebhookEndpointAction(values),
    defaultValues: endpoint ?? { url: '', description: '', enabledEvents: [] },
    onSuccess: (data) => {
      if (data && typeof data === 'object' && 'secret' in data) {
        setCreated(data);
        form.reset({ url: '', description: '', enabledEvents: [] });
      } else setSaved(true);
    },
  });
  const err = (message?: string | null) => errorText(t, message);
  const { errors } = form.formState;
  const types = ['*', ...new Set([...CAISSE_EVENT_TYPES, ...(endpoint?.enabledEvents ?? []).filter((e) => e !== '*')])];
  const idPrefix = endpoint ? 'edit' : 'add';
  return (
    <Card title={endpoint ? t('edit_title') : t('add_title')}>
      {created ? (
        <div className="mb-4 space-y-2">
          <SecretReveal
            label={t('signing_secret')}
            secret={created.secret}
            onDone={() => {
              setCreated(null);
            }}
          />
          <Button
            variant="secondary"
            onClick={() => {
              router.push(`/dashboard/developers/webhooks/${created.id}`);
            }}
          >
            {t('open_endpoint')}
          </Button>
        </div>
      ) : null}
      <form
        method="post"
        onSubmit={onSubmit}
        noValidate
        className="space-y-4"
        onChange={() => {
          setSaved(false);
        }}
      >
        <FormError message={err(formError ?? undefined)} />
        <FormSuccess message={saved ? t('saved') : null} />
        <Field
          id={`${idPrefix}-url`}
          type="url"
          label={t('url')}
          placeholder="https://example.com/webhooks"
          error={err(errors.url?.message)}
          {...form.register('url')}
        />
        <Field
          id={`${idPrefix}-description`}
          label={t('description')}
          error={err(errors.description?.message)}
          {...form.register('description')}
        />
        <fieldset aria-describedby={errors.enabledEvents ? `${idPrefix}-events-error` : undefined}>
          <legend className="mb-1 text-sm font-medium">{t('events')}</legend>
          <div className="grid max-h-64 gap-1 overflow-y-auto rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] p-2 sm:grid-cols-2">
            {types.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={type} {...form.register('enabledEvents')} />
                <span className="break-all font-mono text-xs">{type === '*' ? t('all_events') : type}</span>
              </label>
            ))}
          </div>
          <FieldError id={`${idPrefix}-events-error`} message={err(errors.enabledEvents?.message ?? errors.enabledEvents?.root?.message)} />
        </fieldset>
        <Button type="submit" disabled={pending}>
          {endpoint ? t('save') : t('add')}
        </Button>
      </form>
    </Card>
  );
}
