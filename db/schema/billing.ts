import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { objectColumns } from './columns';
import type { Address } from './customers';

/**
 * Stripe Billing's objects for subscriptions: their items, invoices and invoice lines, and test clocks.
 * The subscription itself is in payments.ts (it predates billing); lib/billing holds the rules.
 */

export const subscriptionItems = pgTable(
  'subscription_items',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    subscriptionId: text().notNull(),
    priceId: text().notNull(),
    quantity: integer().notNull().default(1),
    taxRateIds: jsonb().$type<string[]>().notNull().default([]),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('subscription_items_subscription_idx').on(t.subscriptionId, t.seq)],
);

export const invoiceStatus = pgEnum('invoice_status', ['draft', 'open', 'paid', 'void', 'uncollectible']);

export type InvoiceBillingReason = 'subscription_create' | 'subscription_cycle' | 'subscription_update' | 'manual';

/**
 * One tax on an invoice or a line, as Stripe's `total_taxes` / `taxes` entries; `taxability_reason` where automatic
 * tax chose the rate (a manual rate's is `not_available`).
 */
export type StoredInvoiceTax = {
  tax_rate: string;
  amount: number;
  taxable_amount: number;
  inclusive: boolean;
  taxability_reason?: string;
};

/** One discount's share, as Stripe's `discount_amounts` entries: the Discount object (di_…) and the amount. */
export type StoredInvoiceDiscount = { amount: number; discount: string };

/** Who the invoice was for, as they were when it was finalized; their tax IDs and exemption where automatic tax read them. */
export type StoredInvoiceCustomer = {
  email: string | null;
  name: string | null;
  phone: string | null;
  address: Address | null;
  tax_exempt?: 'exempt' | 'none' | 'reverse';
  tax_ids?: { type: string; value: string }[];
};

/** An automatically taxed invoice's `automatic_tax.status`: taxed, or waiting for the customer's location (kept a draft). */
export type InvoiceAutomaticTaxStatus = 'complete' | 'requires_location_inputs';

export const invoices = pgTable(
  'invoices',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    customerId: text().notNull(),
    subscriptionId: text(),
    // Set from the subscription's clock: renewals and retries of these invoices follow that clock.
    testClockId: text(),
    checkoutSessionId: text(),
    status: invoiceStatus().notNull(),
    billingReason: text().$type<InvoiceBillingReason>().notNull(),
    collectionMethod: text().$type<'charge_automatically' | 'send_invoice'>().notNull().default('charge_automatically'),
    currency: text().notNull(),
    // Per account, sequential, given at finalization in the finalizing transaction: never reused, never skipped.
    number: text(),
    description: text(),
    subtotal: bigint({ mode: 'number' }).notNull(),
    subtotalExcludingTax: bigint({ mode: 'number' }).notNull(),
    total: bigint({ mode: 'number' }).notNull(),
    totalExcludingTax: bigint({ mode: 'number' }).notNull(),
    totalTaxes: jsonb().$type<StoredInvoiceTax[]>().notNull().default([]),
    totalDiscountAmounts: jsonb().$type<StoredInvoiceDiscount[]>().notNull().default([]),
    // automatic_tax.status of an invoice taxed automatically (its subscription's automatic_tax), else null.
    automaticTaxStatus: text().$type<InvoiceAutomaticTaxStatus>(),
    amountDue: bigint({ mode: 'number' }).notNull(),
    amountPaid: bigint({ mode: 'number' }).notNull().default(0),
    amountRemaining: bigint({ mode: 'number' }).notNull(),
    // The customer's balance before and after this invoice took from it (negative: a credit), at finalization.
    startingBalance: bigint({ mode: 'number' }).notNull().default(0),
    endingBalance: bigint({ mode: 'number' }),
    periodStart: timestamp({ withTimezone: true }).notNull(),
    periodEnd: timestamp({ withTimezone: true }).notNull(),
    customer: jsonb().$type<StoredInvoiceCustomer>(),
    defaultPaymentMethodId: text(),
    // The latest payment intent made to pay it; every attempt is an intent of its own (payments list).
    paymentIntentId: text(),
    attemptCount: integer().notNull().default(0),
    // When the next automatic payment attempt is due (renewal, then the account's retry schedule), or null.
    nextPaymentAttempt: timestamp({ withTimezone: true }),
    autoAdvance: boolean().notNull().default(true),
    finalizedAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    voidedAt: timestamp({ withTimezone: true }),
    markedUncollectibleAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('invoices_account_seq_idx').on(t.accountId, t.seq),
    index('invoices_subscription_idx').on(t.subscriptionId, t.seq),
    uniqueIndex('invoices_account_number_uq').on(t.accountId, t.number),
    // A subscription's period is invoiced once, whichever process (or clock) gets there first.
    uniqueIndex('invoices_subscription_cycle_uq')
      .on(t.subscriptionId, t.periodStart)
      .where(sql`billing_reason = 'subscription_cycle'`),
    // The retry sweep's search.
    index('invoices_due_attempt_idx')
      .on(t.nextPaymentAttempt)
      .where(sql`status = 'open' and next_payment_attempt is not null`),
  ],
);

export const invoiceLineItems = pgTable(
  'invoice_line_items',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    invoiceId: text().notNull(),
    position: integer().notNull(),
    description: text(),
    // What the line costs before discounts (Stripe's `amount`), in the invoice's currency.
    amount: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    quantity: integer(),
    priceId: text(),
    productId: text(),
    subscriptionId: text(),
    subscriptionItemId: text(),
    // The invoice item this line bills (a proration, or any pending item the invoice took in).
    invoiceItemId: text(),
    proration: boolean().notNull().default(false),
    periodStart: timestamp({ withTimezone: true }).notNull(),
    periodEnd: timestamp({ withTimezone: true }).notNull(),
    discountAmounts: jsonb().$type<StoredInvoiceDiscount[]>().notNull().default([]),
    taxes: jsonb().$type<StoredInvoiceTax[]>().notNull().default([]),
  },
  (t) => [index('invoice_line_items_invoice_idx').on(t.invoiceId, t.position)],
);

/**
 * Stripe's InvoiceItem: an amount waiting for an invoice (pending while `invoiceId` is null), such as the
 * prorations of a subscription change; the subscription's next invoice takes its pending items in.
 */
export const invoiceItems = pgTable(
  'invoice_items',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    customerId: text().notNull(),
    subscriptionId: text(),
    subscriptionItemId: text(),
    invoiceId: text(),
    // Signed: a credit is negative.
    amount: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    description: text(),
    periodStart: timestamp({ withTimezone: true }).notNull(),
    periodEnd: timestamp({ withTimezone: true }).notNull(),
    proration: boolean().notNull().default(false),
    quantity: integer().notNull().default(1),
    priceId: text(),
    productId: text(),
    unitAmountDecimal: text(),
    // Prorations are never discountable: the discount they carry is already inside their amount.
    discountable: boolean().notNull(),
    discountIds: jsonb().$type<string[]>().notNull().default([]),
    // The item's own rates; none means the subscription's default tax rates apply.
    taxRateIds: jsonb().$type<string[]>().notNull().default([]),
    testClockId: text(),
  },
  (t) => [
    index('invoice_items_account_seq_idx').on(t.accountId, t.seq),
    index('invoice_items_customer_idx').on(t.accountId, t.customerId, t.seq),
    index('invoice_items_invoice_idx').on(t.invoiceId),
    // What a subscription's next invoice takes in.
    index('invoice_items_pending_idx')
      .on(t.subscriptionId, t.seq)
      .where(sql`invoice_id is null`),
  ],
);

/** The next invoice number of each account, taken and incremented in the finalizing transaction. */
export const invoiceNumberSequences = pgTable('invoice_number_sequences', {
  accountId: text().primaryKey(),
  prefix: text().notNull(),
  next: integer().notNull().default(1),
});

export const testClockStatus = pgEnum('test_clock_status', ['ready', 'advancing', 'internal_failure']);

export const testClocks = pgTable(
  'test_clocks',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    name: text(),
    frozenTime: timestamp({ withTimezone: true }).notNull(),
    status: testClockStatus().notNull().default('ready'),
    // Where an advance is heading while the status is `advancing`.
    advancingTo: timestamp({ withTimezone: true }),
    // The process running the advance holds it until then and renews it as it goes; past it, another takes over.
    leaseUntil: timestamp({ withTimezone: true }),
    deletesAfter: timestamp({ withTimezone: true }).notNull(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('test_clocks_account_seq_idx').on(t.accountId, t.seq)],
);

/** How an account retries a failed renewal (Stripe's Smart Retries settings, simplified to days). */
export type BillingRetrySettings = {
  /** Retry k comes retryDays[k - 1] days after the attempt before it, e.g. [3, 5, 7]. */
  retryDays: number[];
  /** What becomes of the subscription once every retry failed. */
  afterRetries: 'cancel' | 'unpaid' | 'past_due';
};
