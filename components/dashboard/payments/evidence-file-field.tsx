'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import type { ActionResult } from '@/lib/actions/result';
import { EVIDENCE_FILE_MAX_BYTES, EVIDENCE_FILE_TYPES } from '@/lib/validation/dashboard-payments';
import { useFileUpload } from '../use-file-upload';
import { usePaymentText } from './use-payment-text';

export type UploadEvidenceAction = (form: FormData) => Promise<ActionResult<{ id: string; filename: string }>>;

/**
 * One evidence file: uploaded as soon as it is chosen (one file per request, so each stays under the
 * server-action body limit), then held by its file id until the evidence is submitted.
 */
export function EvidenceFileField({
  label,
  value,
  onChange,
  upload,
  error,
}: {
  label: string;
  value: string;
  onChange: (fileId: string) => void;
  upload: UploadEvidenceAction;
  error?: string | null;
}) {
  const { t, error: text } = usePaymentText();
  const id = useId();
  const [name, setName] = useState<string | null>(null);
  const {
    input,
    pending,
    problem,
    upload: send,
  } = useFileUpload({
    field: 'file',
    action: upload,
    // Checked here too, so a wrong file is refused before it is sent at all.
    check: (file) =>
      !(EVIDENCE_FILE_TYPES as readonly string[]).includes(file.type)
        ? 'file_type'
        : file.size > EVIDENCE_FILE_MAX_BYTES
          ? 'file_too_large'
          : null,
    onUploaded: (uploaded) => {
      setName(uploaded.filename);
      onChange(uploaded.id);
    },
  });
  const shown = text(problem ?? error);

  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {value ? (
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="evidence-file">
          <span>{t('evidence.uploaded', { name: name ?? value })}</span>
          <Button
            variant="secondary"
            className="px-2 py-1 text-xs"
            onClick={() => {
              setName(null);
              onChange('');
            }}
          >
            {t('evidence.remove_file', { field: label })}
          </Button>
        </p>
      ) : null}
      <input
        ref={input}
        id={id}
        type="file"
        accept={EVIDENCE_FILE_TYPES.join(',')}
        disabled={pending}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${id}-hint${shown ? ` ${id}-error` : ''}`}
        className="block w-full text-sm"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) send(file);
        }}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-[var(--ck-muted)]" aria-live="polite">
        {pending ? t('evidence.uploading') : t('evidence.file_hint')}
      </p>
      <FieldError id={`${id}-error`} message={shown} />
    </div>
  );
}
