import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { StoredCollectedInformation } from './checkout-json';
import { objectColumns } from './columns';
import type { Address } from './customers';

export const paymentIntentStatus = pgEnum('payment_intent_status', [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'requires_capture',
  'canceled',
  'succeeded',
]);

/** Why a payment intent was canceled, in Stripe's words. */
export type PaymentIntentCancellationReason =
  'abandoned' | 'automatic' | 'duplicate' | 'expired' | 'fraudulent' | 'requested_by_customer' | 'void_invoice';

/** Card details Caisse may keep: never the number, never the CVC. */
export type StoredCard = {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  fingerprint: string;
  funding: 'credit' | 'debit' | 'prepaid' | 'unknown';
  country: string | null;
  three_d_secure: 'authenticated' | 'failed' | 'not_required' | null;
};

/** Why the last attempt failed, as Stripe's last_payment_error. */
export type StoredPaymentError = {
  type: 'card_error' | 'invalid_request_error';
  code: string;
  decline_code: string | null;
  message: string;
  /** The refused method as it was then (payment intents the merchant confirmed: the intent no longer names it). */
  payment_method?: Record<string, unknown>;
};

/** What the customer must do before the payment goes on: a 3-D Secure challenge. */
export type StoredNextAction =
  | { type: 'use_stripe_sdk'; use_stripe_sdk: { type: 'three_d_secure_redirect' } }
  // An intent the merchant's server confirmed with a return_url: the customer goes to `url`, then back to `return_url`.
  | { type: 'redirect_to_url'; redirect_to_url: { url: string; return_url: string } };

/** Where a payment's goods go: the session's collected shipping details. */
export type StoredPaymentShipping = NonNullable<StoredCollectedInformation['shipping_details']>;

/** A payment method's billing_details, from what the customer typed. */
export type StoredBillingDetails = {
  address: Address | null;
  email: string | null;
  name: string | null;
  phone: string | null;
  tax_id: null;
};

/** A discount's redemption held by a payment attempt (lib/checkout/discount-reservation.ts). */
export type ReservedDiscount = { coupon: string; promotion_code: string | null };

/** Bank account details Caisse may keep for SEPA Direct Debit: never the full IBAN. */
export type StoredSepaDebit = { bank_code: string | null; branch_code: string | null; country: string; fingerprint: string; last4: string };

export const paymentIntents = pgTable(
  'payment_intents',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    amount: bigint({ mode: 'number' }).notNull(),
    amountReceived: bigint({ mode: 'number' }).notNull().default(0),
    currency: text().notNull(),
    status: paymentIntentStatus().notNull(),
    customerId: text(),
    description: text(),
    receiptEmail: text(),
    setupFutureUsage: text(),
    captureMethod: text().notNull().default('automatic'),
    paymentMethodId: text(),
    card: jsonb().$type<StoredCard | null>(),
    sepaDebit: jsonb().$type<StoredSepaDebit | null>(),
    lastPaymentError: jsonb().$type<StoredPaymentError | null>(),
    statementDescriptor: text(),
    canceledAt: timestamp({ withTimezone: true }),
    cancellationReason: text().$type<PaymentIntentCancellationReason>(),
    // One payment intent per checkout session, retried on until it succeeds.
    checkoutSessionId: text(),
    // The attempt in flight (lib/checkout/payment-state.ts): every outcome is recorded only if it is still this
    // attempt, so a late answer can never settle a newer attempt or a released one.
    attemptId: text(),
    attemptStartedAt: timestamp({ withTimezone: true }),
    // The discount redemption this attempt holds: counted when claimed, released if it fails.
    reservedDiscount: jsonb().$type<ReservedDiscount | null>(),
    // What the processor needs to resume after a 3-D Secure challenge, or a SEPA debit's pending
    // outcome and when it is due (lib/checkout/async-payment-sweep.ts): never card data or an IBAN.
    processorState: jsonb().$type<Record<string, string> | null>(),
    nextAction: jsonb().$type<StoredNextAction | null>(),
    shipping: jsonb().$type<StoredPaymentShipping | null>(),
    latestChargeId: text(),
    // The invoice this intent pays (subscription invoices: one intent per attempt).
    invoiceId: text(),
    offSession: boolean().notNull().default(false),
    // Adaptive Pricing: what the customer was charged in their own currency (Stripe's presentment_details), or null.
    presentmentDetails: jsonb().$type<{ presentment_amount: number; presentment_currency: string } | null>(),
  },
  (t) => [
    index('payment_intents_account_seq_idx').on(t.accountId, t.seq),
    uniqueIndex('payment_intents_checkout_session_uq').on(t.checkoutSessionId),
    // The sweep's search for attempts whose process died mid-charge.
    index('payment_intents_in_flight_idx')
      .on(t.attemptStartedAt)
      .where(sql`status = 'processing'`),
  ],
);

export const paymentMethods = pgTable(
  'payment_methods',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    type: text().$type<'card' | 'sepa_debit'>().notNull().default('card'),
    customerId: text(),
    card: jsonb().$type<StoredCard | null>(),
    sepaDebit: jsonb().$type<StoredSepaDebit | null>(),
    billingDetails: jsonb().$type<StoredBillingDetails>().notNull(),
    // What the processor needs to charge this method again without the customer (never the number or CVC).
    processorState: jsonb().$type<Record<string, string> | null>(),
    // Stripe's allow_redisplay: whether Checkout may offer this method to its customer again ('always' only, by default).
    allowRedisplay: text().$type<AllowRedisplay>().notNull().default('unspecified'),
    // Stripe refuses to attach a method that was used without a customer or detached from one: it is spent.
    consumed: boolean().notNull().default(false),
  },
  (t) => [index('payment_methods_customer_idx').on(t.customerId)],
);

/** Stripe's allow_redisplay of a payment method. */
export type AllowRedisplay = 'always' | 'limited' | 'unspecified';

export const setupIntentStatus = pgEnum('setup_intent_status', [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'canceled',
  'succeeded',
]);

/** Stripe's SetupIntent: a payment method collected and saved for later without a charge (Checkout's setup mode). */
export const setupIntents = pgTable(
  'setup_intents',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    status: setupIntentStatus().notNull(),
    customerId: text(),
    paymentMethodId: text(),
    description: text(),
    usage: text().$type<'off_session' | 'on_session'>().notNull().default('off_session'),
    paymentMethodTypes: jsonb().$type<string[]>().notNull().default(['card']),
    lastSetupError: jsonb().$type<StoredPaymentError | null>(),
    checkoutSessionId: text(),
    canceledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('setup_intents_account_seq_idx').on(t.accountId, t.seq),
    uniqueIndex('setup_intents_checkout_session_uq').on(t.checkoutSessionId),
  ],
);

/** Stripe's cancellation_details of a subscription. */
export type StoredCancellationDetails = {
  comment: string | null;
  feedback: string | null;
  reason: 'cancellation_requested' | 'payment_disputed' | 'payment_failed' | null;
};

/** Stripe's pause_collection: invoices are still made, but kept as drafts, voided or marked uncollectible. */
export type StoredPauseCollection = { behavior: 'keep_as_draft' | 'mark_uncollectible' | 'void'; resumes_at: number | null };

/** A subscription's discount: coupon (and promotion code), from when, until when (null: forever). A `once` coupon is spent on the first invoice and never carried. */
export type StoredSubscriptionDiscount = {
  id: string;
  coupon: string;
  promotion_code: string | null;
  start: number;
  end: number | null;
};

export const subscriptionStatus = pgEnum('subscription_status', [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'canceled',
  'unpaid',
  'paused',
]);

export const subscriptions = pgTable(
  'subscriptions',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    customerId: text().notNull(),
    status: subscriptionStatus().notNull(),
    currency: text().notNull(),
    defaultPaymentMethodId: text(),
    billingCycleAnchor: timestamp({ withTimezone: true }).notNull(),
    currentPeriodStart: timestamp({ withTimezone: true }).notNull(),
    currentPeriodEnd: timestamp({ withTimezone: true }).notNull(),
    trialStart: timestamp({ withTimezone: true }),
    trialEnd: timestamp({ withTimezone: true }),
    cancelAt: timestamp({ withTimezone: true }),
    canceledAt: timestamp({ withTimezone: true }),
    cancelAtPeriodEnd: boolean().notNull().default(false),
    cancellationDetails: jsonb().$type<StoredCancellationDetails | null>(),
    endedAt: timestamp({ withTimezone: true }),
    description: text(),
    latestInvoiceId: text(),
    // From the customer's clock at creation: this subscription's time is that clock's frozen time.
    testClockId: text(),
    pauseCollection: jsonb().$type<StoredPauseCollection | null>(),
    // The discount carried over from checkout (a coupon or a promotion code) and when it stops applying.
    discount: jsonb().$type<StoredSubscriptionDiscount | null>(),
    defaultTaxRateIds: jsonb().$type<string[]>().notNull().default([]),
    // automatic_tax[enabled]: every invoice is taxed from the customer's location (then item tax rates are refused).
    automaticTax: boolean().notNull().default(false),
    // customer.subscription.trial_will_end is sent once, three days before the trial ends.
    trialWillEndSent: boolean().notNull().default(false),
    // invoice.upcoming is sent once per period, a week before it ends: the period end it was sent for.
    upcomingAnnouncedFor: timestamp({ withTimezone: true }),
    trialEndBehavior: text().$type<'cancel' | 'create_invoice' | 'pause'>().notNull().default('create_invoice'),
  },
  (t) => [
    index('subscriptions_account_seq_idx').on(t.accountId, t.seq),
    index('subscriptions_customer_idx').on(t.customerId),
    // The renewal job's search: live subscriptions whose period has ended, on real time.
    index('subscriptions_due_idx')
      .on(t.currentPeriodEnd)
      .where(sql`status in ('active', 'trialing', 'past_due', 'unpaid') and test_clock_id is null`),
    index('subscriptions_clock_idx').on(t.testClockId),
  ],
);

/**
 * Fixed-window counters shared by every app process: card attempts per
 * client, promotion-code guesses per session and per client.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/**
 * Every card tried on a checkout, by fingerprint only: the card-testing limits count distinct cards per
 * session and per account, and declines per account, over the last hour (lib/checkout/card-testing.ts).
 */
export const cardAttempts = pgTable(
  'card_attempts',
  {
    id: bigint({ mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    accountId: text().notNull(),
    sessionId: text().notNull(),
    fingerprint: text().notNull(),
    declined: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('card_attempts_account_idx').on(t.accountId, t.createdAt), index('card_attempts_session_idx').on(t.sessionId, t.createdAt)],
);
