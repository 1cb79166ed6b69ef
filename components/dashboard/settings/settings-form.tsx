'use client';

import { useTranslations } from 'next-intl';
import { saveSettingsAction } from '@/app/dashboard/(app)/settings/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import type { CountryOption } from '@/lib/checkout/country-options';
import { accountSettingsSchema, type AccountSettingsInput } from '@/lib/validation/account-settings';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { SelectField } from '@/components/ui/select-field';
import { errorText } from '@/components/dashboard/error-text';

/** Receipts on or off, the language 'auto' sessions fall back to, and how customers reach the business. */
export function SettingsForm({
  initial,
  countries,
  locales,
}: {
  initial: AccountSettingsInput;
  countries: CountryOption[];
  locales: { code: string; name: string }[];
}) {
  const t = useTranslations('Dashboard.settings');
  const { form, onSubmit, pending, formError, succeeded, clearSucceeded } = useActionForm({
    schema: accountSettingsSchema,
    action: saveSettingsAction,
    defaultValues: initial,
    onSuccess: () => {
      form.reset(form.getValues());
    },
  });
  const err = (message?: string | null) => errorText(t, message);
  const { errors } = form.formState;
  const a = errors.address;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-2xl space-y-6" onChange={clearSucceeded}>
      <FormError message={err(formError ?? undefined)} />
      <Card title={t('receipts_title')}>
        <label className="flex items-start gap-3">
          <input type="checkbox" className="mt-1 h-4 w-4 accent-[var(--ck-button)]" {...form.register('receiptsEnabled')} />
          <span>
            <span className="block font-medium">{t('receipts_enabled')}</span>
            <span className="block text-sm text-[var(--ck-muted)]">{t('receipts_hint')}</span>
          </span>
        </label>
      </Card>
      <Card title={t('language_title')}>
        <SelectField
          id="defaultLocale"
          label={t('default_locale')}
          hint={t('default_locale_hint')}
          error={err(errors.defaultLocale?.message)}
          {...form.register('defaultLocale')}
        >
          <option value="">{t('default_locale_none')}</option>
          {locales.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </SelectField>
      </Card>
      <Card title={t('business_title')}>
        <p className="mb-4 text-sm text-[var(--ck-muted)]">{t('business_hint')}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="supportEmail"
            type="email"
            autoComplete="email"
            label={t('support_email')}
            error={err(errors.supportEmail?.message)}
            {...form.register('supportEmail')}
          />
          <Field
            id="supportPhone"
            type="tel"
            autoComplete="tel"
            label={t('support_phone')}
            error={err(errors.supportPhone?.message)}
            {...form.register('supportPhone')}
          />
          <Field
            id="address-line1"
            className="sm:col-span-2"
            autoComplete="address-line1"
            label={t('address_line1')}
            error={err(a?.line1?.message)}
            {...form.register('address.line1')}
          />
          <Field
            id="address-line2"
            className="sm:col-span-2"
            autoComplete="address-line2"
            label={t('address_line2')}
            error={err(a?.line2?.message)}
            {...form.register('address.line2')}
          />
          <Field
            id="address-city"
            autoComplete="address-level2"
            label={t('address_city')}
            error={err(a?.city?.message)}
            {...form.register('address.city')}
          />
          <Field
            id="address-state"
            autoComplete="address-level1"
            label={t('address_state')}
            error={err(a?.state?.message)}
            {...form.register('address.state')}
          />
          <Field
            id="address-postal-code"
            autoComplete="postal-code"
            label={t('address_postal_code')}
            error={err(a?.postalCode?.message)}
            {...form.register('address.postalCode')}
          />
          <SelectField
            id="address-country"
            autoComplete="country"
            label={t('address_country')}
            error={err(a?.country?.message)}
            {...form.register('address.country')}
          >
            <option value="">{t('address_country_none')}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
        </div>
      </Card>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
        <p role="status" className="text-sm text-[var(--ck-muted)]">
          {succeeded ? t('saved') : ''}
        </p>
      </div>
    </form>
  );
}
