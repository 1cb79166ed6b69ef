// GET /c/:sessionId — the hosted checkout page
import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { MerchantHeader } from '@/components/checkout/merchant-header';
import { OrderSummary } from '@/components/checkout/order-summary';
import { PassPanel } from '@/components/checkout/pass-panel';
import { PayForm } from '@/components/checkout/pay-form';
import { shownTotalOf } from '@/lib/checkout/tax-inputs';
import { PayLabel } from '@/components/checkout/pay-label';
import { ShippingOptions } from '@/components/checkout/shipping-options';
import { StatePage } from '@/components/checkout/state-page';
import { EmbeddedBridge } from '@/components/checkout/embedded-bridge';
import { isEmbedded } from '@/lib/checkout/ui-mode';
import { mergeBranding, resolveTheme } from '@/lib/branding/theme';
import { themeToCssVars } from '@/lib/branding/css-vars';
import { completionUrl, confirmConfigFor } from '@/lib/checkout/confirm-config';
import { loadPageView } from '@/lib/checkout/page-view';
import { offersRemove, savedCardsFor, savedCardView } from '@/lib/checkout/saved-cards';
import { PASS_CARD, passCardView, passOffered, passPrefill } from '@/lib/pass/pass-checkout';
import { PASS_COOKIE, signedInPass } from '@/lib/pass/pass-sign-in';
import { countryOptions } from '@/lib/checkout/country-options';
import { formatAmount } from '@/lib/money/format';
import { DECLINE_MESSAGE_KEYS } from '@/lib/payments/decline-messages';
import { newChallenge } from '@/lib/security/proof-of-work';
import { requiredProofLevel } from '@/lib/checkout/card-testing';
import { COUNTRY_CODES } from '@/lib/validation/countries';
import { checkoutClientMessages } from '@/lib/checkout/client-messages';
import {
  optionalItemAction,
  payAction,
  promotionCodeAction,
  quantityAction,
  removeSavedCardAction,
  shippingRateAction,
  taxInputsAction,
} from './actions';
import { loadCheckout } from './load';
import { passAction, passSignOutAction } from './pass-actions';
import { shippingEstimate } from '@/components/checkout/shipping-estimate';
import { taxIdExamples } from '@/lib/tax-ids/recognize-tax-id';
import { addressFormData } from '@/lib/addresses/page-address-data';

type Props = { params: Promise<{ sessionId: string }>; searchParams: Promise<{ declined?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { session, locale } = await loadCheckout((await params).sessionId);
  const t = await getTranslations({ locale, namespace: 'Checkout' });
  return { title: session ? t('payment') : 'Caisse' };
}

const ALL_COUNTRIES = [...COUNTRY_CODES].sort();

export default async function CheckoutPage({ params, searchParams }: Props) {
  const { sessionId } = await params;
  const { db, session, locale } = await loadCheckout(sessionId);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- no [locale] segment to read root params from: the locale comes from the session and Accept-Language
  setRequestLocale(locale);
  if (!session) notFound();
  const t = await getTranslations();
  const embedded = isEmbedded(session.uiMode);
  if (session.status === 'complete') {
    const url = completionUrl(session);
    if (url && !embedded) redirect(url);
    return (
      <StatePage title={t('States.completeTitle')} testId="checkout-complete">
        {/* Unpaid yet complete: a SEPA debit the bank has not answered yet (or has refused; the merchant follows up). */}
        {session.paymentStatus === 'paid'
          ? t('States.complete')
          : session.paymentStatus === 'unpaid'
            ? t('States.completeProcessing')
            : t('States.completeNoPayment')}
        {embedded && url ? <EmbeddedBridge completedUrl={url} /> : null}
      </StatePage>
    );
  }
  const view = await loadPageView(db, session);
  if (session.status === 'expired')
    return (
      <StatePage title={t('States.expiredTitle')} testId="checkout-expired">
        <p>{t('States.expired')}</p>
        {view.recoveryUrl ? (
          <a href={view.recoveryUrl} className="mt-4 inline-block underline">
            {t('States.recover')}
          </a>
        ) : null}
      </StatePage>
    );

  const declined = (await searchParams).declined;
  const proofLevel = await requiredProofLevel(db, session, new Date());
  const theme = resolveTheme(mergeBranding(view.merchant.branding, view.brandingSettings));
  const money = (n: number) => formatAmount(n, view.currency, locale);
  const saved = await savedCardsFor(db, session);
  const passShown = passOffered(session);
  const pass = passShown ? await signedInPass(db, { sessionId, token: (await cookies()).get(PASS_COOKIE)?.value, now: new Date() }) : null;
  const config = confirmConfigFor(session, [...(pass ? [PASS_CARD] : []), ...saved.map((c) => c.id)], passShown && !pass);
  const texts = {
    submit: view.customText.submit?.message ?? null,
    terms: view.customText.terms_of_service_acceptance?.message ?? null,
    shipping: view.customText.shipping_address?.message ?? null,
    afterSubmit: view.customText.after_submit?.message ?? null,
  };
  const messages = checkoutClientMessages(await getMessages());
  return (
    <div
      style={themeToCssVars(theme) as React.CSSProperties}
      className="min-h-screen bg-[var(--ck-bg)] font-[family-name:var(--ck-font)] text-[var(--ck-text)]"
    >
      <NextIntlClientProvider locale={locale} messages={messages}>
        {embedded ? <EmbeddedBridge /> : null}
        <main className="mx-auto grid max-w-5xl gap-10 p-4 md:grid-cols-2 md:p-10">
          <div>
            <MerchantHeader
              name={view.merchant.name}
              logoUrl={view.merchant.logoUrl ?? view.merchant.iconUrl}
              cancelUrl={view.cancelUrl}
              livemode={view.livemode}
            />
            <OrderSummary
              view={view}
              locale={locale}
              actions={{
                quantity: quantityAction.bind(null, sessionId),
                optional: optionalItemAction.bind(null, sessionId),
                promotion: promotionCodeAction.bind(null, sessionId),
              }}
            />
          </div>
          <div className="space-y-6">
            <h1 className="sr-only">{t('Checkout.payment')}</h1>
            {passShown ? (
              <PassPanel
                action={passAction.bind(null, sessionId)}
                signOutAction={passSignOutAction.bind(null, sessionId)}
                signedInAs={pass?.email ?? null}
              />
            ) : null}
            <PayForm
              config={config}
              prefill={pass ? passPrefill(pass) : undefined}
              lockedEmail={config.emailLocked ? view.customerEmail : null}
              customFields={view.customFields}
              texts={texts}
              countries={{
                billing: countryOptions(ALL_COUNTRIES, locale),
                shipping: countryOptions(config.shippingCountries ?? [], locale),
              }}
              payLabel={<PayLabel view={view} locale={locale} />}
              merchantName={view.merchant.name}
              notice={declined && (DECLINE_MESSAGE_KEYS as readonly string[]).includes(declined) ? t(`Errors.${declined}` as never) : null}
              challenge={proofLevel > 0 ? await newChallenge({ scope: session.id, level: proofLevel }) : null}
              action={payAction.bind(null, sessionId)}
              savedCards={[...(pass ? [passCardView(pass)] : []), ...saved.map(savedCardView).filter((c) => c !== null)]}
              removeAction={offersRemove(session) ? removeSavedCardAction.bind(null, sessionId) : null}
              taxIdExamples={config.taxId ? taxIdExamples() : undefined}
              taxAction={session.automaticTax.enabled || session.adaptivePricing.enabled ? taxInputsAction.bind(null, sessionId) : null}
              shownTotal={shownTotalOf(session)}
              shippingOptions={
                view.shippingOptions.length > 1 ? (
                  <ShippingOptions
                    options={view.shippingOptions.map((o) => ({
                      ...o,
                      price: o.amount ? money(o.amount) : t('Summary.free'),
                      estimate: shippingEstimate(o.estimate, t),
                    }))}
                    selected={view.selectedShippingRateId}
                    action={shippingRateAction.bind(null, sessionId)}
                  />
                ) : null
              }
              address={addressFormData(sessionId, locale, {
                acceptLanguage: (await headers()).get('accept-language'),
                sessionLocale: session.locale,
                billing: ALL_COUNTRIES,
                shipping: config.shippingCountries,
              })}
            />
          </div>
        </main>
      </NextIntlClientProvider>
    </div>
  );
}
