'use client';

import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { uploadProductImageAction } from '@/app/dashboard/(app)/catalog/products/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { useFileUpload } from '../use-file-upload';
import { useErrorText } from './use-error-text';

const MAX_IMAGES = 8;
// lib/images/check-image.ts's IMAGE_MAX_BYTES (not imported: it would bring its image parser into
// the browser). Checked here too so a large file is refused before it is sent at all.
const MAX_BYTES = 512 * 1024;

/**
 * A product's images: each file chosen is uploaded at once (Caisse checks it by its bytes and
 * serves it), and its URL joins the list the product form saves.
 */
export function ImageUploader({ images, onChange }: { images: string[]; onChange: (images: string[]) => void }) {
  const t = useTranslations('Dashboard.catalog.products');
  const text = useErrorText();
  const id = useId();
  const {
    input,
    pending,
    problem: error,
    upload,
  } = useFileUpload({
    field: 'image',
    action: uploadProductImageAction,
    check: (file) => (file.size > MAX_BYTES ? 'image_too_large' : null),
    onUploaded: (image) => {
      onChange([...images, image.url]);
    },
  });

  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium">{t('images')}</legend>
      {images.length ? (
        <ul className="mb-2 flex flex-wrap gap-3" data-testid="product-images">
          {images.map((url, i) => (
            <li key={url} className="flex flex-col items-center gap-1">
              {/* eslint-disable-next-line @next/next/no-img-element -- served by Caisse itself with long cache headers; next/image would add nothing */}
              <img
                src={url}
                alt={t('image_alt', { n: i + 1 })}
                className="h-20 w-20 rounded border border-[var(--ck-border)] object-cover"
              />
              <Button
                variant="secondary"
                className="px-2 py-1 text-xs"
                onClick={() => {
                  onChange(images.filter((u) => u !== url));
                }}
              >
                {t('remove_image', { n: i + 1 })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {images.length < MAX_IMAGES ? (
        <>
          <label htmlFor={id} className="mb-1 block text-sm">
            {t('add_image')}
          </label>
          <input
            ref={input}
            id={id}
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            disabled={pending}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            className="block w-full text-sm"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload(file);
            }}
          />
          <p id={`${id}-hint`} className="mt-1 text-xs text-[var(--ck-muted)]">
            {pending ? t('uploading') : t('image_hint')}
          </p>
          <FieldError id={`${id}-error`} message={text(error)} />
        </>
      ) : null}
    </fieldset>
  );
}
