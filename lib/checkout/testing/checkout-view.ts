import type { PageLine, PageView } from '@/lib/checkout/page-view';
import type { ConfirmConfig } from '@/lib/validation/checkout-page';

/**
 * Factories for the hosted page's component tests: a complete page view of a typical open EUR
 * session (one T-shirt at €25.00, card payment, no extras), so each test states only what matters.
 * Amounts are the server's: overriding `totals` does not recompute anything.
 */

/** One selected line item: €25.00, quantity 1, not adjustable. */
export function makePageLine(overrides: Partial<PageLine> = {}): PageLine {
  return {
    id: 'li_test_tshirt',
    name: 'T-shirt',
    description: null,
    image: null,
    unitAmount: 2500,
    quantity: 1,
    amountSubtotal: 2500,
    amountTotal: 2500,
    recurring: null,
    adjustable: null,
    optional: false,
    selected: true,
    ...overrides,
  };
}

export function makeCheckoutView(overrides: Partial<PageView> = {}): PageView {
  const line = makePageLine();
  return {
    id: 'cs_test_a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
    status: 'open',
    mode: 'payment',
    uiMode: 'hosted',
    currency: 'eur',
    locale: null,
    submitType: null,
    livemode: false,
    merchant: { name: 'Rocket Rides', logoUrl: null, iconUrl: null, branding: {} },
    brandingSettings: null,
    lines: [line],
    optionalItems: [],
    totals: { subtotal: line.amountSubtotal, discount: 0, shipping: 0, tax: 0, total: line.amountTotal },
    recurring: null,
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
    successUrl: 'https://shop.example/success?session_id={CHECKOUT_SESSION_ID}',
    cancelUrl: 'https://shop.example/cart',
    returnUrl: null,
    recoveryUrl: null,
    ...overrides,
  };
}

/** The pay form of that session, as confirmConfigFor builds it: card only, email typed, billing country and postal code. */
export function makeConfirmConfig(overrides: Partial<ConfirmConfig> = {}): ConfirmConfig {
  return {
    methods: ['card'],
    emailLocked: false,
    phone: false,
    shippingCountries: null,
    billingAddress: 'auto',
    taxId: false,
    customFields: [],
    terms: false,
    promotionsConsent: false,
    ...overrides,
  };
}
