'use client';

import { useTranslations } from 'next-intl';
import type { FieldValues, UseFormRegister } from 'react-hook-form';
import type { CustomFieldView } from '@/lib/checkout/page-view';
import { Field } from '@/components/ui/field';
import { FieldError } from '@/components/ui/field-error';

/** The merchant's custom fields (text, numeric, dropdown), their labels rendered as text. */
export function CustomFields({
  fields,
  register,
  error,
  value,
}: {
  fields: CustomFieldView[];
  register: UseFormRegister<FieldValues>;
  error: (path: string) => string | null;
  value: (path: string) => string | undefined;
}) {
  const t = useTranslations('CustomFields');
  return (
    <>
      {fields.map((f) => {
        const id = `custom-${f.key}`;
        const path = `custom_fields.${f.key}`;
        const label = f.optional ? t('optional', { label: f.label.custom }) : f.label.custom;
        if (f.type === 'dropdown' && f.dropdown) {
          const message = error(path);
          return (
            <div key={f.key}>
              <label htmlFor={id} className="mb-1 block text-sm font-medium">
                {label}
              </label>
              <select
                id={id}
                defaultValue={value(path) ?? f.dropdown.default_value ?? ''}
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? `${id}-error` : undefined}
                className="block w-full rounded-[var(--ck-radius-control)] border border-[var(--ck-border)] bg-[var(--ck-surface)] px-3 py-2"
                {...register(path)}
              >
                <option value="" />
                {f.dropdown.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              <FieldError id={`${id}-error`} message={message} />
            </div>
          );
        }
        const bounds = f.text ?? f.numeric;
        return (
          <Field
            key={f.key}
            id={id}
            label={label}
            inputMode={f.type === 'numeric' ? 'numeric' : undefined}
            maxLength={bounds?.maximum_length ?? 255}
            defaultValue={value(path) ?? bounds?.default_value ?? undefined}
            error={error(path)}
            {...register(path)}
          />
        );
      })}
    </>
  );
}
