import type { SessionRow } from '@/db/queries/checkout-sessions';
import { redirectableUrl } from '@/lib/util/http-url';
import { isEmbedded } from './ui-mode';
import type { ConfirmConfig, PayMethod } from '@/lib/validation/checkout-page';

/**
 * Whether the page asks for a payment method: not for a subscription whose session says
 * `payment_method_collection=if_required` when nothing is due today (a free trial), as Stripe's page does.
 */
export function collectsPaymentMethod(session: Pick<SessionRow, 'mode' | 'paymentMethodCollection' | 'amountTotal'>): boolean {
  return !(session.mode === 'subscription' && session.paymentMethodCollection === 'if_required' && (session.amountTotal ?? 0) === 0);
}

/**
 * "Save my payment details for future purchases": offered when the session enables it and there will be a
 * customer to save them to (given, or made by a subscription or customer_creation=always).
 */
export function offersSave(session: Pick<SessionRow, 'savedPaymentMethodOptions' | 'customerId' | 'customerCreation' | 'mode'>): boolean {
  if (session.savedPaymentMethodOptions?.payment_method_save !== 'enabled' || session.mode === 'setup') return false;
  return session.customerId !== null || session.mode === 'subscription' || session.customerCreation === 'always';
}

/**
 * The pay form's settings for a session, with the ids of the saved cards its page offers (saved-cards.ts, and
 * the Pass's card when signed in) and whether it offers Caisse Pass: the browser and the server build the same
 * schema from them.
 */
export function confirmConfigFor(session: SessionRow, savedCards: string[] = [], passOptIn = false): ConfirmConfig {
  const consent = session.consentCollection;
  return {
    methods: collectsPaymentMethod(session)
      ? session.paymentMethodTypes.filter((m): m is PayMethod => m === 'card' || m === 'sepa_debit')
      : [],
    emailLocked: session.customerEmail !== null || session.customerId !== null,
    phone: session.phoneNumberCollection.enabled,
    shippingCountries: session.shippingAddressCollection?.allowed_countries ?? null,
    billingAddress: billingAddressAsked(session),
    taxId: session.taxIdCollection.enabled ? { required: session.taxIdCollection.required === 'if_supported' } : null,
    customFields: session.customFields.map((f) => {
      const bounds = f.text ?? f.numeric;
      return {
        key: f.key,
        type: f.type,
        optional: f.optional,
        minLength: bounds?.minimum_length ?? null,
        maxLength: bounds?.maximum_length ?? null,
        options: f.dropdown ? f.dropdown.options.map((o) => o.value) : null,
      };
    }),
    terms: consent?.terms_of_service === 'required',
    promotionsConsent: consent?.promotions === 'auto',
    savedCards,
    saveOffer: offersSave(session),
    passOptIn,
  };
}

/**
 * Where the customer goes after paying: {CHECKOUT_SESSION_ID} filled in,
 * URL-encoded. Null, so the page shows the paid state instead, for a stored URL
 * a redirect cannot carry (one with a CR/LF, saved before URLs were checked).
 */
export function completionUrl(session: Pick<SessionRow, 'id' | 'successUrl' | 'returnUrl'>): string | null {
  const template = session.successUrl ?? session.returnUrl;
  return template ? redirectableUrl(template.replaceAll('{CHECKOUT_SESSION_ID}', encodeURIComponent(session.id))) : null;
}

/** The answer for a paid session: where to go, and whether the page is framed by the merchant (embedded). */
export function completeResult(session: Pick<SessionRow, 'id' | 'successUrl' | 'returnUrl' | 'uiMode'>) {
  return { state: 'complete' as const, redirectUrl: completionUrl(session), embedded: isEmbedded(session.uiMode) };
}

/**
 * Whether the page asks the whole billing address. Automatic tax without a shipping address needs it to the
 * state or province (a US or Canadian customer's tax depends on it), so it asks it whole as `required` does.
 */
export function billingAddressAsked(session: SessionRow): 'required' | 'auto' {
  if (session.billingAddressCollection === 'required') return 'required';
  return session.automaticTax.enabled && !session.shippingAddressCollection ? 'required' : 'auto';
}
