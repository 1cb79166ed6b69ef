import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type {
  StoredAdaptivePricing,
  StoredAdjustableQuantity,
  StoredAfterExpiration,
  StoredAutomaticTax,
  StoredBrandingSettings,
  StoredCollectedInformation,
  StoredConsent,
  StoredConsentCollection,
  StoredCustomerDetails,
  StoredCustomField,
  StoredCustomText,
  StoredDiscountAmount,
  StoredInvoiceCreation,
  StoredNameCollection,
  StoredOptionalItem,
  StoredPaymentIntentData,
  StoredSavedPaymentMethodOptions,
  StoredShippingCost,
  StoredSubscriptionData,
  StoredTaxAmount,
  StoredTotalDetails,
} from './checkout-json';
import { objectColumns } from './columns';

/** Stripe's wallet_options of a session, as given. */
export type StoredWalletOptions = { link?: { display?: 'auto' | 'never' } };

export const sessionStatus = pgEnum('checkout_session_status', ['open', 'complete', 'expired']);
export const paymentStatus = pgEnum('checkout_payment_status', ['unpaid', 'paid', 'no_payment_required']);
export const sessionMode = pgEnum('checkout_session_mode', ['payment', 'subscription', 'setup']);
// Both spellings are kept as sent (hosted/embedded up to API 2026-02, hosted_page/embedded_page since).
export const uiMode = pgEnum('checkout_ui_mode', ['hosted', 'embedded', 'hosted_page', 'embedded_page']);

export const checkoutSessions = pgTable(
  'checkout_sessions',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    status: sessionStatus().notNull().default('open'),
    paymentStatus: paymentStatus().notNull().default('unpaid'),
    mode: sessionMode().notNull(),
    uiMode: uiMode().notNull().default('hosted_page'),
    currency: text(),
    amountSubtotal: bigint({ mode: 'number' }),
    amountTotal: bigint({ mode: 'number' }),
    totalDetails: jsonb().$type<StoredTotalDetails>(),
    clientSecret: text(),
    clientReferenceId: text(),
    successUrl: text(),
    cancelUrl: text(),
    returnUrl: text(),
    redirectOnCompletion: text(),
    locale: text(),
    submitType: text(),
    customerId: text(),
    customerEmail: text(),
    customerCreation: text(),
    customerDetails: jsonb().$type<StoredCustomerDetails | null>(),
    paymentIntentId: text(),
    setupIntentId: text(),
    subscriptionId: text(),
    invoiceId: text(),
    allowPromotionCodes: boolean(),
    // [{ coupon, promotion_code }] as sent; resolved amounts live in totalDetails.
    // The applied discount: at most one, as Stripe allows; `id` names the Discount object (di_…).
    discounts: jsonb().$type<{ id: string; coupon: string; promotion_code: string | null }[]>().notNull().default([]),
    shippingAddressCollection: jsonb().$type<{ allowed_countries: string[] } | null>(),
    shippingOptions: jsonb().$type<{ shipping_rate: string; shipping_amount: number }[]>().notNull().default([]),
    // The selected shipping rate; defaults to the first option.
    shippingRateId: text(),
    shippingCost: jsonb().$type<StoredShippingCost | null>(),
    collectedInformation: jsonb().$type<StoredCollectedInformation | null>(),
    billingAddressCollection: text(),
    phoneNumberCollection: jsonb().$type<{ enabled: boolean }>().notNull().default({ enabled: false }),
    taxIdCollection: jsonb().$type<{ enabled: boolean; required: string }>().notNull(),
    customFields: jsonb().$type<StoredCustomField[]>().notNull().default([]),
    customText: jsonb().$type<StoredCustomText>().notNull(),
    consentCollection: jsonb().$type<StoredConsentCollection | null>(),
    consent: jsonb().$type<StoredConsent | null>(),
    afterExpiration: jsonb().$type<StoredAfterExpiration | null>(),
    paymentIntentData: jsonb().$type<StoredPaymentIntentData | null>(),
    subscriptionData: jsonb().$type<StoredSubscriptionData | null>(),
    paymentMethodTypes: jsonb().$type<string[]>().notNull().default(['card']),
    paymentMethodCollection: text(),
    brandingSettings: jsonb().$type<StoredBrandingSettings | null>(),
    automaticTax: jsonb().$type<StoredAutomaticTax>().notNull().default({ enabled: false }),
    adaptivePricing: jsonb().$type<StoredAdaptivePricing>().notNull().default({ enabled: false }),
    invoiceCreation: jsonb().$type<StoredInvoiceCreation | null>(),
    savedPaymentMethodOptions: jsonb().$type<StoredSavedPaymentMethodOptions | null>(),
    // The customer ticked "save for future purchases" (payment_method_save=enabled): their method is kept, shown again.
    savePaymentMethod: boolean().notNull().default(false),
    // Stripe's wallet_options: link.display decides whether the page offers Caisse Pass (our Link).
    walletOptions: jsonb().$type<StoredWalletOptions | null>(),
    // A setup session the customer portal opened to add a card ("Add a card"): once it completes, the card is the
    // customer's default and their subscriptions'. Never set through the API.
    portalSessionId: text(),
    nameCollection: jsonb().$type<StoredNameCollection | null>(),
    // As given at creation: Stripe echoes optional_items on the session.
    optionalItems: jsonb().$type<StoredOptionalItem[] | null>(),
    customerUpdate: jsonb().$type<{ address?: 'auto' | 'never'; name?: 'auto' | 'never'; shipping?: 'auto' | 'never' } | null>(),
    integrationIdentifier: text(),
    recoveredFrom: text(),
    completedAt: timestamp({ withTimezone: true }),
    // Card-testing defence: declined attempts on this session.
    declinedAttempts: integer().notNull().default(0),
  },
  (t) => [
    index('checkout_sessions_account_seq_idx').on(t.accountId, t.seq),
    index('checkout_sessions_open_expiry_idx')
      .on(t.expiresAt)
      .where(sql`status = 'open'`),
    index('checkout_sessions_payment_intent_idx').on(t.paymentIntentId),
  ],
);

export const checkoutLineItems = pgTable(
  'checkout_line_items',
  {
    id: text().primaryKey(),
    sessionId: text().notNull(),
    accountId: text().notNull(),
    position: integer().notNull(),
    // Optional items sit here too, unselected until the customer adds them.
    optional: boolean().notNull().default(false),
    selected: boolean().notNull().default(true),
    priceId: text().notNull(),
    productId: text().notNull(),
    quantity: integer().notNull(),
    adjustableQuantity: jsonb().$type<StoredAdjustableQuantity | null>(),
    taxRateIds: jsonb().$type<string[]>().notNull().default([]),
    dynamicTaxRateIds: jsonb().$type<string[]>().notNull().default([]),
    description: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    amountSubtotal: bigint({ mode: 'number' }).notNull().default(0),
    amountDiscount: bigint({ mode: 'number' }).notNull().default(0),
    amountTax: bigint({ mode: 'number' }).notNull().default(0),
    amountTotal: bigint({ mode: 'number' }).notNull().default(0),
    // Per-line breakdown of discounts and taxes, as Stripe's LineItem exposes.
    discounts: jsonb().$type<StoredDiscountAmount[]>().notNull().default([]),
    taxes: jsonb().$type<StoredTaxAmount[]>().notNull().default([]),
  },
  (t) => [index('checkout_line_items_session_idx').on(t.sessionId, t.position)],
);
