import type { PageView } from '@/lib/checkout/page-view';
import type { ConfirmConfig } from '@/lib/validation/checkout-page';

/**
 * A sample cart for the branding preview, in the exact shape the checkout page renders,
 * so the preview goes through the same components with nothing read from real sessions.
 */
export function previewPageView(p: { name: string; logoUrl: string | null; items: [string, string]; currency: string }): PageView {
  const line = (id: string, name: string, unitAmount: number, quantity: number) => ({
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
  });
  const lines = [line('li_preview_1', p.items[0], 2500, 2), line('li_preview_2', p.items[1], 1200, 1)];
  const total = lines.reduce((sum, l) => sum + l.amountTotal, 0);
  return {
    id: 'cs_test_preview',
    status: 'open',
    mode: 'payment',
    uiMode: 'hosted',
    currency: p.currency,
    locale: null,
    submitType: null,
    livemode: false,
    merchant: { name: p.name, logoUrl: p.logoUrl, iconUrl: null, branding: {} },
    brandingSettings: null,
    lines,
    optionalItems: [],
    totals: { subtotal: total, discount: 0, shipping: 0, tax: 0, total },
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
    successUrl: null,
    cancelUrl: null,
    returnUrl: null,
    recoveryUrl: null,
  };
}

/** The pay form of a plain card payment, as confirmConfigFor builds it for such a session. */
export const PREVIEW_CONFIRM_CONFIG: ConfirmConfig = {
  methods: ['card'],
  emailLocked: false,
  phone: false,
  shippingCountries: null,
  billingAddress: 'auto',
  taxId: false,
  customFields: [],
  terms: false,
  promotionsConsent: false,
};
