'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { saveBrandingAction } from '@/app/dashboard/(app)/branding/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { brandingSchema, type BrandingFormInput } from '@/lib/validation/branding';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { CheckoutPreviewFrames } from './checkout-preview-frames';
import { ColorField } from './color-field';
import { BorderStyleField, FontField } from './style-fields';
import { ImageUploadField } from './image-upload-field';
import { errorText } from '@/components/dashboard/error-text';

/** The branding form beside a live preview of the checkout it restyles; the preview follows every edit before saving. */
export function BrandingEditor({ initial, accountName }: { initial: BrandingFormInput; accountName: string }) {
  const t = useTranslations('Dashboard.branding');
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: brandingSchema,
    action: saveBrandingAction,
    defaultValues: initial,
    onSuccess: () => {
      // What was saved becomes the new baseline, so "unsaved changes" clears.
      form.reset(form.getValues());
      setSaved(true);
    },
  });
  const err = (message?: string | null) => errorText(t, message);
  const { errors, isDirty } = form.formState;
  const v = form.watch();
  const logo = v.logoUrl ?? v.iconUrl ?? '';
  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
      <Card title={t('form_title')}>
        <form
          method="post"
          onSubmit={onSubmit}
          noValidate
          className="space-y-5"
          onChange={() => {
            setSaved(false);
          }}
        >
          <FormError message={err(formError ?? undefined)} />
          <Field
            id="displayName"
            label={t('display_name')}
            placeholder={accountName}
            maxLength={100}
            error={err(errors.displayName?.message)}
            {...form.register('displayName')}
          />
          <p className="-mt-4 text-sm text-[var(--ck-muted)]">{t('display_name_hint', { name: accountName })}</p>
          <ColorField
            id="backgroundColor"
            label={t('background_color')}
            error={err(errors.backgroundColor?.message)}
            {...form.register('backgroundColor')}
            value={v.backgroundColor}
          />
          <ColorField
            id="buttonColor"
            label={t('button_color')}
            error={err(errors.buttonColor?.message)}
            {...form.register('buttonColor')}
            value={v.buttonColor}
          />
          <FontField error={err(errors.fontFamily?.message)} {...form.register('fontFamily')} />
          <BorderStyleField error={err(errors.borderStyle?.message)} register={form.register('borderStyle')} />
          {(['logoUrl', 'iconUrl'] as const).map((name) => (
            <ImageUploadField
              key={name}
              id={name}
              label={t(name === 'logoUrl' ? 'logo' : 'icon')}
              hint={t(name === 'logoUrl' ? 'logo_hint' : 'icon_hint')}
              value={v[name] ?? null}
              error={err(errors[name]?.message)}
              onChange={(url) => {
                setSaved(false);
                form.setValue(name, url, { shouldDirty: true });
              }}
            />
          ))}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={pending}>
              {pending ? t('saving') : t('save')}
            </Button>
            <p role="status" className="text-sm text-[var(--ck-muted)]">
              {saved ? t('saved') : isDirty ? t('unsaved') : ''}
            </p>
          </div>
        </form>
      </Card>
      <CheckoutPreviewFrames
        params={{
          name: v.displayName,
          bg: v.backgroundColor,
          button: v.buttonColor,
          border: v.borderStyle,
          font: v.fontFamily,
          logo,
        }}
      />
    </div>
  );
}
