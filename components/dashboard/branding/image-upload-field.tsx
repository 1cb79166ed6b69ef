'use client';

import { useId, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { uploadBrandImageAction } from '@/app/dashboard/(app)/branding/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { IMAGE_MAX_BYTES } from '@/lib/images/limits';
import { errorText } from '@/components/dashboard/error-text';

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif';

/**
 * A logo or icon: uploading stores the image right away (so the preview can show it) and
 * hands its URL to the form; the branding only points at it once the merchant saves.
 */
export function ImageUploadField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  value: string | null;
  onChange: (url: string | null) => void;
  error?: string | null;
}) {
  const t = useTranslations('Dashboard.branding');
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const hintId = useId();
  const upload = (file: File) => {
    setProblem(null);
    // Checked here first so a large file is refused without sending it; the server checks the bytes.
    if (file.size > IMAGE_MAX_BYTES) {
      setProblem('too_large');
      return;
    }
    const form = new FormData();
    form.set('file', file);
    startTransition(async () => {
      try {
        const result = await uploadBrandImageAction(form);
        if (result.ok) onChange(result.data.url);
        else setProblem(result.message);
      } catch {
        setProblem('upload_failed');
      }
    });
  };
  const message = errorText(t, problem, undefined, 'image_errors') ?? error ?? null;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <p id={hintId} className="mb-2 text-sm text-[var(--ck-muted)]">
        {hint}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {value ? (
          // eslint-disable-next-line @next/next/no-img-element -- the account's own upload, served by Caisse with long cache headers; next/image would add nothing
          <img
            src={value}
            alt=""
            data-testid={`${id}-current`}
            className="h-10 max-w-32 rounded border border-[var(--ck-border)] bg-white object-contain p-1"
          />
        ) : null}
        <input
          id={id}
          type="file"
          accept={ACCEPT}
          aria-describedby={message ? `${id}-error ${hintId}` : hintId}
          aria-invalid={message ? true : undefined}
          disabled={pending}
          className="max-w-full text-sm file:mr-3 file:rounded-[var(--ck-radius-button)] file:border file:border-[var(--ck-border)] file:bg-[var(--ck-surface)] file:px-3 file:py-1.5 file:text-sm file:font-semibold file:text-[var(--ck-text)]"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) upload(file);
          }}
        />
        {value ? (
          <Button
            variant="secondary"
            onClick={() => {
              onChange(null);
            }}
            aria-label={t('remove_image_named', { image: label })}
          >
            {t('remove_image')}
          </Button>
        ) : null}
        {pending ? (
          <span role="status" className="text-sm text-[var(--ck-muted)]">
            {t('uploading')}
          </span>
        ) : null}
      </div>
      <FieldError id={`${id}-error`} message={message} />
    </div>
  );
}
