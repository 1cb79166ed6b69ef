'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { createCheckoutSessionAction } from '@/app/dashboard/(app)/catalog/new-session/actions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { FieldError } from '@/components/ui/field-error';
import { checkoutSessionFormSchema, type CheckoutSessionFormInput } from '@/lib/validation/dashboard-checkout-session';
import { FormError } from '../form-error';
import { useActionForm } from '../use-action-form';
import { CopyButton } from './copy-button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { SelectField } from '@/components/ui/select-field';
import { useErrorText } from './use-error-text';

export type PriceChoice = { id: string; label: string };
type Option = { id: string; label: string };

/**
 * Builds a Checkout Session from the account's active prices, for a sale made with the
 * customer on the phone: the hosted URL it answers can be sent to them.
 */
export function CheckoutSessionForm({
  prices,
  shippingRates,
  taxRates,
}: {
  prices: PriceChoice[];
  shippingRates: Option[];
  taxRates: Option[];
}) {
  const t = useTranslations('Dashboard.catalog.session');
  const text = useErrorText();
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: checkoutSessionFormSchema,
    action: createCheckoutSessionAction,
    defaultValues: {
      items: prices.map((p) => ({ price: p.id, selected: false, quantity: '1' })),
      successUrl: '',
      cancelUrl: '',
      customerEmail: '',
      allowPromotionCodes: false,
      collectShipping: false,
      countries: '',
      shippingRate: '',
      taxRate: '',
    } satisfies CheckoutSessionFormInput,
    onSuccess: setCreated,
  });
  const { errors } = form.formState;
  const items = form.watch('items');
  const collectShipping = form.watch('collectShipping');
  return (
    <div className="space-y-6">
      <Card title={t('form_title')} className="max-w-2xl">
        <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError message={text(formError)} />
          <fieldset aria-describedby={errors.items?.message ? 'session-items-error' : undefined}>
            <legend className="mb-2 text-sm font-medium">{t('items')}</legend>
            {prices.length === 0 ? <p className="text-sm text-[var(--ck-muted)]">{t('no_prices')}</p> : null}
            <ul className="space-y-2">
              {prices.map((p, i) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2">
                  <CheckboxField id={`session-item-${i}`} label={p.label} {...form.register(`items.${i}.selected`)} />
                  {items[i]?.selected ? (
                    <Field
                      id={`session-qty-${i}`}
                      label={t('quantity_for', { item: p.label })}
                      inputMode="numeric"
                      className="w-28 [&_label]:sr-only"
                      error={text(errors.items?.[i]?.quantity?.message)}
                      {...form.register(`items.${i}.quantity`)}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
            <FieldError id="session-items-error" message={text(errors.items?.message ?? errors.items?.root?.message)} />
          </fieldset>
          <Field
            id="session-success"
            type="url"
            label={t('success_url')}
            placeholder="https://example.com/thanks"
            error={text(errors.successUrl?.message)}
            {...form.register('successUrl')}
          />
          <Field
            id="session-cancel"
            type="url"
            label={t('cancel_url')}
            error={text(errors.cancelUrl?.message)}
            {...form.register('cancelUrl')}
          />
          <Field
            id="session-email"
            type="email"
            label={t('customer_email')}
            error={text(errors.customerEmail?.message)}
            {...form.register('customerEmail')}
          />
          <CheckboxField id="session-promo" label={t('allow_promotion_codes')} {...form.register('allowPromotionCodes')} />
          <CheckboxField id="session-shipping" label={t('collect_shipping')} {...form.register('collectShipping')} />
          {collectShipping ? (
            <Field
              id="session-countries"
              label={t('countries')}
              placeholder="US, FR, DE"
              error={text(errors.countries?.message)}
              {...form.register('countries')}
            />
          ) : null}
          {shippingRates.length ? (
            <SelectField
              id="session-shipping-rate"
              label={t('shipping_rate')}
              error={text(errors.shippingRate?.message)}
              {...form.register('shippingRate')}
            >
              <option value="">{t('none')}</option>
              {shippingRates.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </SelectField>
          ) : null}
          {taxRates.length ? (
            <SelectField id="session-tax-rate" label={t('tax_rate')} {...form.register('taxRate')}>
              <option value="">{t('none')}</option>
              {taxRates.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </SelectField>
          ) : null}
          <Button type="submit" disabled={pending || prices.length === 0}>
            {t('create')}
          </Button>
        </form>
      </Card>
      {created ? (
        <Card title={t('created_title')} className="max-w-2xl">
          <div role="status" className="space-y-3 text-sm">
            <p>
              {t('session_id')} <code data-testid="session-id">{created.id}</code>
            </p>
            <p className="break-all">
              <a href={created.url} target="_blank" rel="noreferrer" className="text-[var(--ck-link)] underline" data-testid="session-url">
                {created.url}
              </a>
            </p>
          </div>
          <div className="mt-3 flex items-center gap-3">
            <CopyButton text={created.url} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
