'use client';

import { useLocale, useTranslations } from 'next-intl';
import { startTransition, useActionState, useMemo, type ReactNode } from 'react';
import { get, useForm, useWatch } from 'react-hook-form';
import { payResultMessageKey, type PayAction } from '@/lib/checkout/page-state';
import type { CustomFieldView } from '@/lib/checkout/page-view';
import type { ConfirmConfig } from '@/lib/validation/checkout-page';
import type { CountryOption } from '@/lib/checkout/country-options';
import { AddressFields } from './address-fields';
import { BillingAddress } from './billing-address';
import { NO_ADDRESS_DATA, withDefaultCountry, type AddressFormData } from '@/lib/addresses/address-form-data';
import { CardFields } from './card-fields';
import { ConsentFields } from './consent-fields';
import { CustomFields } from './custom-fields';
import { errorMessage } from './error-message';
import { Field } from '@/components/ui/field';
import { lazyResolver } from '@/lib/validation/lazy-resolver';
import { MethodChoice } from './method-choice';
import { REMOVE_FORM_ID, SavedCards } from './saved-cards';
import type { SavedCardView } from '@/lib/checkout/saved-cards';
import { PassOptIn } from './pass-opt-in';
import { ProofOfWork, type PowChallenge } from './proof-of-work';
import { SepaFields } from './sepa-fields';
import { TaxIdFields } from './tax-id-fields';
import { TaxUpdate } from './tax-update';

export type PayFormProps = {
  config: ConfirmConfig;
  lockedEmail: string | null;
  customFields: CustomFieldView[];
  texts: { submit: string | null; terms: string | null; shipping: string | null; afterSubmit: string | null };
  /** Named and sorted on the server, so the browser renders exactly what the server did. */
  countries: { billing: CountryOption[]; shipping: CountryOption[] };
  /** What the button says when not busy: a string, or the server-rendered <PayLabel>. */
  payLabel: ReactNode;
  /** Named in the SEPA mandate text. */
  merchantName: string;
  notice: string | null;
  challenge: PowChallenge | null;
  action: PayAction;
  /** The customer's saved cards the page offers (config.savedCards, with what is shown of each). */
  savedCards?: SavedCardView[];
  /** Removes a saved card (payment_method_remove=enabled), or null when the session does not allow it. */
  removeAction?: ((form: FormData) => Promise<void>) | null;
  /** What the form holds before the customer types anything: the details of their Caisse Pass, when signed in. */
  prefill?: Record<string, unknown>;
  /** With tax_id_collection: each country's tax ID example, shown under the field. */
  taxIdExamples?: Readonly<Record<string, string>>;
  /** Every country's address form (lib/addresses) and what the server rendered; none: the general form. */
  address?: AddressFormData;
  /** Automatic tax: prices the address and tax ID typed so far (taxInputsAction); null without automatic tax. */
  taxAction?: ((form: FormData) => Promise<void>) | null;
  /** With taxAction: the total shown (shownTotalOf), posted back so the payment is for it. */
  shownTotal?: string;
  /** The session's shipping options (<ShippingOptions>), shown after the shipping address. */
  shippingOptions?: ReactNode;
};

/**
 * The pay form. Without JavaScript it posts to the server action as it is;
 * with it, react-hook-form checks the same zod schema first (fetched on the first
 * focus in the form, lazyResolver) and the action runs inline. Card fields are never echoed back.
 */
export function PayForm({
  config,
  lockedEmail,
  customFields,
  texts,
  countries,
  payLabel,
  merchantName,
  notice,
  challenge,
  action,
  savedCards = [],
  removeAction = null,
  prefill,
  taxIdExamples = {},
  address = NO_ADDRESS_DATA,
  taxAction = null,
  shownTotal,
  shippingOptions = null,
}: PayFormProps) {
  const t = useTranslations();
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, { result: null, values: {} });
  // The schema comes with its own chunk (zod) when the customer first steps into the form, not with the page.
  const validation = useMemo(
    () => lazyResolver(() => import('./pay-form-resolver').then((m) => m.payFormResolver(config, address.rules))),
    [config, address.rules],
  );
  // After a refused attempt, what the customer sent; before any, the Pass's details (if signed in).
  const values = withDefaultCountry(state.result || !prefill ? state.values : prefill, address.defaultCountry, config.shippingCountries);
  const form = useForm({ resolver: validation.resolver, mode: 'onTouched', defaultValues: values });
  const serverErrors = state.result?.state === 'invalid' ? state.result.errors : {};
  // Each address's country as chosen now (else as posted): its form follows it, and the tax ID example the shipping one's, else billing's.
  const watched = useWatch({ control: form.control, name: ['shipping.country', 'billing.country'] }) as unknown[];
  const error = (path: string): string | null => {
    const key =
      get<typeof form.formState.errors, { message?: string } | undefined>(form.formState.errors, path)?.message ?? serverErrors[path];
    return key ? errorMessage(t, locale, key) : null;
  };
  // What the customer typed comes back from the server after a refused attempt; it
  // is written into the HTML too, so the form keeps it without JavaScript.
  const dv = (path: string): string | undefined => {
    const v = get(values, path);
    return typeof v === 'string' ? v : undefined;
  };
  const [shippingCountry, billingCountry] = (['shipping', 'billing'] as const).map((a, i) =>
    typeof watched[i] === 'string' && watched[i] ? watched[i] : dv(`${a}.country`),
  );
  const resultKey = payResultMessageKey(state.result);
  const banner = resultKey
    ? t(`Errors.${resultKey}` as never)
    : form.formState.submitCount > 0 && Object.keys(form.formState.errors).length > 0
      ? t('Errors.summary')
      : notice;
  const register = form.register;
  const chosen = config.methods.find((m) => m === dv('method')) ?? config.methods[0];
  // A saved card is chosen first; once the customer picked "a new payment method", that stays picked.
  const chosenSaved = dv('saved_card') ?? savedCards.at(0)?.id ?? '';
  // Without JavaScript too, a chosen saved card hides what a new card needs: CSS on the form reads its radio.
  const newMethodOnly = savedCards.length ? 'group-has-[.saved-card:checked]:hidden' : '';
  const choice = config.methods.length > 1;
  // Without JavaScript too, only the checked method's fields show: CSS on the form (`group`) reads the radio.
  const shown = (m: string) =>
    !choice
      ? ''
      : m === 'sepa_debit'
        ? 'hidden group-has-[#method-sepa-debit:checked]:block'
        : 'group-has-[#method-sepa-debit:checked]:hidden';
  return (
    <>
      <form
        action={formAction}
        noValidate
        aria-busy={pending}
        className="group space-y-6"
        onFocus={validation.preload}
        onSubmit={(event) => {
          // Text typed before the page finished loading (hydration) may not have reached
          // react-hook-form: the fields themselves are the truth, so validate what they hold.
          const element = event.currentTarget;
          const posted = new FormData(element);
          for (const [name, value] of posted)
            if (typeof value === 'string' && typeof (form.getValues(name) ?? '') === 'string' && form.getValues(name) !== value)
              form.setValue(name, value);
          // A saved card removed meanwhile took its radios with it: nothing saved is chosen any more.
          if (!posted.has('saved_card') && form.getValues('saved_card')) form.setValue('saved_card', '');
          // handleSubmit prevents the native post at once; the action runs only once the schema passes.
          void form.handleSubmit(() => {
            startTransition(() => {
              formAction(new FormData(element));
            });
          })(event);
        }}
      >
        {/* The form's default button, which Enter in a field presses (the first submit button in it): paying, never
            the "Update total" or shipping buttons a page without JavaScript shows above the pay button. */}
        <button type="submit" hidden disabled={pending} tabIndex={-1} aria-hidden="true" data-testid="default-pay" />
        {banner ? (
          <div
            role="alert"
            className="rounded-[var(--ck-radius-control)] border border-red-700 bg-red-50 p-3 text-sm text-red-800"
            data-testid="payment-error"
          >
            {banner}
          </div>
        ) : null}
        <fieldset className="space-y-3">
          <legend className="mb-2 text-base font-semibold">{t('Contact.title')}</legend>
          {lockedEmail ? (
            <Field id="email" label={t('Contact.email')} value={lockedEmail} readOnly aria-readonly />
          ) : (
            <Field
              id="email"
              type="email"
              label={t('Contact.email')}
              autoComplete="email"
              defaultValue={dv('email')}
              error={error('email')}
              {...register('email')}
            />
          )}
          {config.phone ? (
            <Field
              id="phone"
              type="tel"
              label={t('Contact.phone')}
              autoComplete="tel"
              defaultValue={dv('phone')}
              error={error('phone')}
              {...register('phone')}
            />
          ) : null}
        </fieldset>
        {config.shippingCountries ? (
          <AddressFields
            prefix="shipping"
            full
            countries={countries.shipping}
            register={register}
            error={error}
            value={dv}
            note={texts.shipping}
            rules={address.rules}
            country={shippingCountry}
            subdivisions={address.subdivisions.shipping}
            subdivisionsUrl={address.subdivisionsUrl}
            locale={locale}
          />
        ) : null}
        {shippingOptions}
        {savedCards.length ? (
          <SavedCards cards={savedCards} register={register} chosen={chosenSaved} removable={removeAction !== null} />
        ) : null}
        <div className={`space-y-6 ${newMethodOnly}`}>
          {choice ? <MethodChoice methods={config.methods} register={register} chosen={chosen} /> : null}
          {config.methods.includes('card') ? (
            <div className={shown('card')}>
              <CardFields register={register} error={error} defaultName={dv('card.name')} />
              {config.passOptIn ? <PassOptIn register={register} error={error} value={dv} /> : null}
            </div>
          ) : null}
          {config.methods.includes('sepa_debit') ? (
            <div className={shown('sepa_debit')}>
              <SepaFields register={register} error={error} defaultName={dv('sepa.name')} merchantName={merchantName} />
            </div>
          ) : null}
          {config.saveOffer && config.methods.length ? (
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-1" defaultChecked={dv('save_card') === 'true'} {...register('save_card')} value="true" />
              {t('SavedCards.save')}
            </label>
          ) : null}
        </div>
        {config.methods.length || config.billingAddress === 'required' ? (
          <div className={`space-y-3 ${config.billingAddress === 'required' ? '' : newMethodOnly}`}>
            <BillingAddress
              sameAsShipping={config.shippingCountries ? (state.result ? dv('billing_same') === 'true' : true) : null}
              full={config.billingAddress === 'required'}
              countries={countries.billing}
              register={register}
              error={error}
              value={dv}
              address={address}
              country={billingCountry}
              locale={locale}
            />
          </div>
        ) : null}
        {config.taxId ? (
          <TaxIdFields
            required={config.taxId.required}
            examples={taxIdExamples}
            country={shippingCountry ?? billingCountry}
            register={register}
            error={error}
            value={dv}
          />
        ) : null}
        {taxAction ? <TaxUpdate control={form.control} action={taxAction} shownTotal={shownTotal ?? ''} /> : null}
        {customFields.length ? <CustomFields fields={customFields} register={register} error={error} value={dv} /> : null}
        {config.terms || config.promotionsConsent ? (
          <ConsentFields
            promotions={config.promotionsConsent}
            terms={config.terms ? (texts.terms ?? t('Consent.terms')) : null}
            register={register}
            error={error}
            value={dv}
          />
        ) : null}
        {challenge ? <ProofOfWork key={challenge.signature ?? challenge.parameters.nonce} challenge={challenge} /> : null}
        {texts.submit ? <p className="text-sm text-[var(--ck-muted)]">{texts.submit}</p> : null}
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-[var(--ck-radius-button)] bg-[var(--ck-button)] px-4 py-3 font-semibold text-[var(--ck-button-text)] disabled:opacity-70"
          data-testid="pay-button"
        >
          {pending ? t('PayButton.processing') : payLabel}
        </button>
        {texts.afterSubmit ? <p className="text-center text-sm text-[var(--ck-muted)]">{texts.afterSubmit}</p> : null}
      </form>
      {removeAction && savedCards.length ? <form id={REMOVE_FORM_ID} action={removeAction} hidden /> : null}
    </>
  );
}
