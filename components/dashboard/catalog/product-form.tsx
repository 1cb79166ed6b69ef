'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createProductAction, updateProductAction } from '@/app/dashboard/(app)/catalog/products/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { FieldError } from '@/components/ui/field-error';
import { productFormSchema, type ProductFormInput } from '@/lib/validation/dashboard-products';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { ImageUploader } from './image-uploader';
import { useErrorText } from './use-error-text';
import { FormSuccess } from '@/components/dashboard/form-success';

/** Creates a product (then opens it) or edits one: name, description, images. */
export function ProductForm({ productId, initial }: { productId?: string; initial?: ProductFormInput }) {
  const t = useTranslations('Dashboard.catalog.products');
  const text = useErrorText();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: productFormSchema,
    action: async (values) => {
      if (!productId) return createProductAction(values);
      const r = await updateProductAction(productId, values);
      return r.ok ? { ok: true as const, data: { id: productId } } : r;
    },
    defaultValues: initial ?? { name: '', description: '', images: [] },
    onSuccess: ({ id }) => {
      if (productId) setSaved(true);
      else router.push(`/dashboard/catalog/products/${id}`);
    },
  });
  const { errors } = form.formState;
  const images = form.watch('images');
  return (
    <Card title={productId ? t('edit_title') : t('new_title')} className="max-w-2xl">
      <form
        method="post"
        onSubmit={onSubmit}
        noValidate
        className="space-y-4"
        onChange={() => {
          setSaved(false);
        }}
      >
        <FormError message={text(formError)} />
        <FormSuccess message={saved ? t('saved') : null} />
        <Field id="product-name" label={t('name')} error={text(errors.name?.message)} {...form.register('name')} />
        <div>
          <label htmlFor="product-description" className="mb-1 block text-sm font-medium">
            {t('description')}
          </label>
          <textarea
            id="product-description"
            rows={3}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? 'product-description-error' : undefined}
            className="block w-full rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2"
            {...form.register('description')}
          />
          <FieldError id="product-description-error" message={text(errors.description?.message)} />
        </div>
        <ImageUploader
          images={images}
          onChange={(next) => {
            setSaved(false);
            form.setValue('images', next, { shouldDirty: true });
          }}
        />
        <FieldError id="product-images-error" message={text(errors.images?.message)} />
        <Button type="submit" disabled={pending}>
          {productId ? t('save') : t('create')}
        </Button>
      </form>
    </Card>
  );
}
