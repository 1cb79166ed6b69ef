import type { ConfirmConfig } from '@/lib/validation/checkout-page';
import type { PageLine, PageView } from './page-view';

/**
 * The hosted page's view of a plain open card payment: selected one-time lines, no discount, shipping,
 * tax, trial or extra fields. The dashboard's branding preview shows it with a sample cart, and the
 * component tests (lib/checkout/testing/checkout-view.ts) start from it, so both follow PageView's shape
 * from one place.
 */

/** A selected line of a one-time price, its quantity fixed. */
export function plainPageLine(id: string, name: string, unitAmount: number, quantity: number): PageLine {
  return {
    id,
    name,
    description: null,
    image: null,
    unitAmount,
    quantity,
    amountSubtotal: unitAmount * quantity,
    amountTotal: unitAmount * quantity,
    recurring: null,
    adjustable: null,
    optional: false,
    selected: true,
  };
}

/** The open session's view; its totals are the lines' sums (nothing is added or taken off). */
export function plainPageView(p: {
  id: string;
  currency: string;
  merchant: { name: string; logoUrl: string | null };
  lines: PageLine[];
}): PageView {
  const sum = (amount: (l: PageLine) => number) => p.lines.reduce((total, l) => total + amount(l), 0);
  const total = sum((l) => l.amountTotal);
  return {
    id: p.id,
    status: 'open',
    mode: 'payment',
    uiMode: 'hosted',
    currency: p.currency,
    locale: null,
    submitType: null,
    livemode: false,
    merchant: { ...p.merchant, iconUrl: null, branding: {} },
    brandingSettings: null,
    lines: p.lines,
    optionalItems: [],
    totals: { subtotal: sum((l) => l.amountSubtotal), discount: 0, shipping: 0, tax: 0, total },
    recurring: null,
    automaticTax: null,
    presentment: null,
    discount: null,
    allowPromotionCodes: false,
    customerEmail: null,
    emailLocked: false,
    phone: false,
    shippingCountries: null,
    billingAddress: 'auto',
    taxId: false,
    shippingOptions: [],
    selectedShippingRateId: null,
    customFields: [],
    customText: { submit: null, after_submit: null, shipping_address: null, terms_of_service_acceptance: null },
    consentCollection: null,
    trialDays: null,
    successUrl: null,
    cancelUrl: null,
    returnUrl: null,
    recoveryUrl: null,
  };
}

/** Its pay form, as confirmConfigFor builds it for such a session: card only, email typed, billing country and postal code. */
export function plainConfirmConfig(): ConfirmConfig {
  return {
    methods: ['card'],
    emailLocked: false,
    phone: false,
    shippingCountries: null,
    billingAddress: 'auto',
    taxId: null,
    customFields: [],
    terms: false,
    promotionsConsent: false,
    savedCards: [],
    saveOffer: false,
    passOptIn: false,
  };
}
