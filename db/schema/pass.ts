import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import type { StoredCard, StoredPaymentShipping } from './payments';

/**
 * Caisse Pass: a customer's details kept by this installation (not by a merchant) for one-click checkout on
 * any merchant's page, after a one-time code sent to their email. Nothing of the card beyond what
 * payment_methods keeps (brand, last four, expiry, fingerprint) and the processor's reusable state.
 */
export const passes = pgTable(
  'passes',
  {
    id: text().primaryKey(),
    // Lower-cased: one Pass per address.
    email: text().notNull(),
    phone: text().notNull(),
    name: text(),
    shipping: jsonb().$type<StoredPaymentShipping | null>(),
    card: jsonb().$type<StoredCard>().notNull(),
    processorState: jsonb().$type<Record<string, string> | null>(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('passes_email_uq').on(t.email)],
);

/** A customer's "save my details with Caisse Pass" on a session's page: the Pass is made if that payment succeeds. */
export const passOptIns = pgTable('pass_opt_ins', {
  checkoutSessionId: text().primaryKey(),
  phone: text().notNull(),
  createdAt: ts().notNull().defaultNow(),
});

/** A six-digit code sent to a Pass's email for one checkout session; stored as an HMAC under a key outside the database. */
export const passCodes = pgTable(
  'pass_codes',
  {
    id: text().primaryKey(),
    passId: text().notNull(),
    checkoutSessionId: text().notNull(),
    codeHash: text().notNull(),
    failedAttempts: integer().notNull().default(0),
    expiresAt: ts().notNull(),
    usedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index('pass_codes_pass_idx').on(t.passId, t.createdAt)],
);

/** A browser signed in to a Pass on one checkout session's page (its cookie's token, hashed). */
export const passSignIns = pgTable(
  'pass_sign_ins',
  {
    tokenHash: text().primaryKey(),
    passId: text().notNull(),
    checkoutSessionId: text().notNull(),
    expiresAt: ts().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index('pass_sign_ins_pass_idx').on(t.passId)],
);
