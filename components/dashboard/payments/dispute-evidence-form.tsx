'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FieldError } from '@/components/ui/field-error';
import type { ActionResult } from '@/lib/actions/result';
import {
  disputeEvidenceFormSchema,
  EVIDENCE_FILE_FIELDS,
  EVIDENCE_TEXT_FIELDS,
  evidenceParams,
  LONG_EVIDENCE_FIELDS,
  type DisputeEvidenceFormInput,
  type DisputeEvidenceFormValues,
} from '@/lib/validation/dashboard-payments';
import { FormError } from '../form-error';
import { ConfirmStep } from './confirm-step';
import { EvidenceFileField, type UploadEvidenceAction } from './evidence-file-field';
import { usePaymentText } from './use-payment-text';
import { useReviewedActionForm } from './use-reviewed-action-form';

export type SubmitEvidenceAction = (values: DisputeEvidenceFormValues) => Promise<ActionResult<unknown>>;

const EMPTY = Object.fromEntries([...EVIDENCE_TEXT_FIELDS, ...EVIDENCE_FILE_FIELDS].map((f) => [f, ''])) as DisputeEvidenceFormInput;

/**
 * The merchant's answer to a dispute: a few of Stripe's evidence fields, text and files (uploaded as
 * chosen), submitted to the bank after a confirmation, since evidence cannot be changed once submitted.
 */
export function DisputeEvidenceForm({
  initial,
  action,
  upload,
}: {
  initial: Record<string, string | null>;
  action: SubmitEvidenceAction;
  upload: UploadEvidenceAction;
}) {
  const { t, error } = usePaymentText();
  const [empty, setEmpty] = useState(false);
  const defaults = { ...EMPTY, ...Object.fromEntries(Object.entries(initial).filter(([k, v]) => k in EMPTY && v !== null)) };
  const { form, onFormSubmit, reviewing, back, pending, formError } = useReviewedActionForm({
    schema: disputeEvidenceFormSchema,
    action,
    defaultValues: defaults,
    // Nothing to submit: said on the form, no confirmation.
    reviewable: (values: DisputeEvidenceFormValues) => {
      const none = Object.keys(evidenceParams(values)).length === 0;
      setEmpty(none);
      return !none;
    },
  });
  const { errors } = form.formState;
  const files = form.watch(EVIDENCE_FILE_FIELDS);
  return (
    <form method="post" onSubmit={onFormSubmit} noValidate className="space-y-4" data-testid="evidence-form">
      <FormError message={error(formError ?? (empty ? 'evidence_empty' : null))} />
      {reviewing ? (
        <ConfirmStep
          question={t('evidence.confirm_question')}
          confirm={t('evidence.confirm')}
          back={t('evidence.back')}
          onBack={back}
          pending={pending}
        />
      ) : (
        <>
          {EVIDENCE_TEXT_FIELDS.map((name) =>
            LONG_EVIDENCE_FIELDS.includes(name) ? (
              <div key={name}>
                <label htmlFor={`evidence-${name}`} className="mb-1 block text-sm font-medium">
                  {t(`evidence.fields.${name}`)}
                </label>
                <textarea
                  id={`evidence-${name}`}
                  rows={4}
                  aria-invalid={errors[name] ? true : undefined}
                  aria-describedby={errors[name] ? `evidence-${name}-error` : undefined}
                  className="block w-full rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2 text-[var(--ck-text)]"
                  {...form.register(name)}
                />
                <FieldError id={`evidence-${name}-error`} message={error(errors[name]?.message)} />
              </div>
            ) : (
              <Field
                key={name}
                id={`evidence-${name}`}
                label={t(`evidence.fields.${name}`)}
                type={name === 'customer_email_address' ? 'email' : 'text'}
                error={error(errors[name]?.message)}
                {...form.register(name)}
              />
            ),
          )}
          {EVIDENCE_FILE_FIELDS.map((name, i) => (
            <EvidenceFileField
              key={name}
              label={t(`evidence.fields.${name}`)}
              value={files[i] ?? ''}
              onChange={(fileId) => {
                form.setValue(name, fileId, { shouldValidate: true });
              }}
              upload={upload}
              error={errors[name]?.message}
            />
          ))}
          <Button type="submit">{t('evidence.review')}</Button>
        </>
      )}
    </form>
  );
}
