import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { objectColumns } from './columns';
import type { StoredBillingDetails, StoredCard, StoredPaymentShipping, StoredSepaDebit } from './payments';

/** What follows a payment: its charge, the charge's refunds and its dispute. */
/** Stripe's charge.outcome: how the network and the risk check answered. */
export type StoredChargeOutcome = {
  network_status: 'approved_by_network' | 'declined_by_network' | 'not_sent_to_network' | 'reversed_after_approval';
  reason: string | null;
  risk_level: 'normal' | 'elevated' | 'highest' | 'not_assessed';
  risk_score: number | null;
  seller_message: string;
  type: 'authorized' | 'manual_review' | 'issuer_declined' | 'blocked' | 'invalid';
};

/**
 * One charge per payment intent that the processor accepted: succeeded (captured or not) for a card,
 * pending then succeeded or failed for a SEPA debit. Refunds and disputes hang from it.
 */
export const charges = pgTable(
  'charges',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    paymentIntentId: text().notNull(),
    customerId: text(),
    amount: bigint({ mode: 'number' }).notNull(),
    amountCaptured: bigint({ mode: 'number' }).notNull().default(0),
    // Money given back to the customer by refunds that have not failed or been canceled.
    amountRefunded: bigint({ mode: 'number' }).notNull().default(0),
    currency: text().notNull(),
    status: text().$type<'pending' | 'succeeded' | 'failed'>().notNull(),
    captured: boolean().notNull().default(false),
    disputed: boolean().notNull().default(false),
    paymentMethodId: text(),
    card: jsonb().$type<StoredCard | null>(),
    sepaDebit: jsonb().$type<StoredSepaDebit | null>(),
    billingDetails: jsonb().$type<StoredBillingDetails>().notNull(),
    outcome: jsonb().$type<StoredChargeOutcome | null>(),
    failureCode: text(),
    failureMessage: text(),
    description: text(),
    receiptEmail: text(),
    receiptNumber: text(),
    statementDescriptor: text(),
    shipping: jsonb().$type<StoredPaymentShipping | null>(),
    // An authorization not captured by then is released (Stripe: 7 days for cards).
    captureBefore: timestamp({ withTimezone: true }),
    // What the processor told us to keep for later calls about this charge (refunds): never card data.
    processorState: jsonb().$type<Record<string, string> | null>(),
  },
  (t) => [
    index('charges_account_seq_idx').on(t.accountId, t.seq),
    uniqueIndex('charges_payment_intent_uq').on(t.paymentIntentId),
    index('charges_customer_idx').on(t.customerId),
    // The sweep's search for authorizations to release.
    index('charges_uncaptured_idx')
      .on(t.captureBefore)
      .where(sql`captured = false and status = 'succeeded'`),
  ],
);

/** Why a refund was made, in Stripe's words: the merchant's three, or Caisse releasing an authorization that was never captured. */
export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer' | 'expired_uncaptured_charge';

export const refundStatus = pgEnum('refund_status', ['pending', 'requires_action', 'succeeded', 'failed', 'canceled']);

/** A later change the processor announced for a refund: a SEPA refund settling, a card refund failing. */
export type PendingRefundChange = { status: 'succeeded' | 'failed'; failure_reason: string | null };

export const refunds = pgTable(
  'refunds',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    chargeId: text().notNull(),
    paymentIntentId: text().notNull(),
    customerId: text(),
    paymentMethodId: text(),
    amount: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    status: refundStatus().notNull(),
    reason: text().$type<RefundReason>(),
    description: text(),
    failureReason: text(),
    receiptNumber: text(),
    // When the processor's announced change (`pending`) is due; the sweep applies it then.
    dueAt: timestamp({ withTimezone: true }),
    pending: jsonb().$type<PendingRefundChange | null>(),
  },
  (t) => [
    index('refunds_account_seq_idx').on(t.accountId, t.seq),
    index('refunds_charge_idx').on(t.chargeId),
    index('refunds_due_idx')
      .on(t.dueAt)
      .where(sql`due_at is not null`),
  ],
);

export const disputeStatus = pgEnum('dispute_status', [
  'warning_needs_response',
  'warning_under_review',
  'warning_closed',
  'needs_response',
  'under_review',
  'won',
  'lost',
]);

/** Stripe's dispute evidence: text fields and file ids, all optional. */
export type StoredDisputeEvidence = Record<string, string | null>;

/** A later change to a dispute: the processor opening it, or the bank's decision after evidence. */
export type PendingDisputeChange = { status: 'needs_response' | 'won' | 'lost' };

export const disputes = pgTable(
  'disputes',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    chargeId: text().notNull(),
    paymentIntentId: text().notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    // Null while the processor has announced the dispute but it has not opened yet.
    status: disputeStatus(),
    reason: text().notNull(),
    evidence: jsonb().$type<StoredDisputeEvidence>().notNull().default({}),
    evidenceDueBy: timestamp({ withTimezone: true }),
    submissionCount: integer().notNull().default(0),
    // Whether the disputed amount has been taken back from the merchant (and not reinstated).
    fundsWithdrawn: boolean().notNull().default(false),
    dueAt: timestamp({ withTimezone: true }),
    pending: jsonb().$type<PendingDisputeChange | null>(),
  },
  (t) => [
    index('disputes_account_seq_idx').on(t.accountId, t.seq),
    uniqueIndex('disputes_charge_uq').on(t.chargeId),
    index('disputes_due_idx')
      .on(t.dueAt)
      .where(sql`due_at is not null`),
  ],
);
