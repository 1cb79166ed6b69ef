import type { BillingRetrySettings } from './billing';
import { sealedText } from './columns';
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, jsonb, uniqueIndex } from 'drizzle-orm/pg-core';

export type AccountBranding = {
  background_color?: string;
  button_color?: string;
  border_style?: 'pill' | 'rounded' | 'rectangular';
  font_family?: string;
  logo_url?: string | null;
  icon_url?: string | null;
};

/** How customers reach the merchant: printed at the foot of receipts. */
export type AccountBusinessDetails = {
  support_email?: string | null;
  support_phone?: string | null;
  address?: {
    line1?: string | null;
    line2?: string | null;
    city?: string | null;
    state?: string | null;
    postal_code?: string | null;
    country?: string | null;
  } | null;
};

export const accounts = pgTable('accounts', {
  id: text().primaryKey(),
  name: text().notNull(),
  displayName: text(),
  branding: jsonb().$type<AccountBranding>().notNull().default({}),
  defaultCurrency: text().notNull().default('usd'),
  country: text().notNull().default('US'),
  // Origins allowed to frame embedded sessions; empty means any origin.
  allowedEmbedOrigins: jsonb().$type<string[]>().notNull().default([]),
  // Email a receipt to every paying customer, not only when the session asks (receipt_email).
  receiptsEnabled: boolean().notNull().default(false),
  businessDetails: jsonb().$type<AccountBusinessDetails>(),
  // Hosts success_url, cancel_url and return_url may point at (a host or *.suffix); empty allows any.
  allowedRedirectDomains: jsonb().$type<string[]>().notNull().default([]),
  // The checkout and receipt language when a session leaves it to 'auto' and the browser gives none Caisse ships.
  defaultLocale: text(),
  // How failed subscription payments are retried (lib/billing/retry-settings.ts has the default).
  billingRetrySettings: jsonb().$type<BillingRetrySettings | null>(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const apiKeyKind = pgEnum('api_key_kind', ['secret', 'publishable']);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: text().primaryKey(),
    accountId: text()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: apiKeyKind().notNull(),
    // SHA-256 of the whole key: keys carry ≥128 random bits, so a fast hash is
    // enough and lets a lookup go through a unique index.
    keyHash: text().notNull(),
    // What the dashboard may show again ("sk_test_…a1B2").
    displayPrefix: text().notNull(),
    // Publishable keys are public by design; kept so they can be shown again.
    publishableToken: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_key_hash_uq').on(t.keyHash), index('api_keys_account_idx').on(t.accountId)],
);

export const idempotencyState = pgEnum('idempotency_state', ['in_flight', 'complete']);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    accountId: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    state: idempotencyState().notNull().default('in_flight'),
    responseStatus: integer(),
    // Replayed to the client as it was: it may hold secrets (a new webhook endpoint's), so it is sealed at rest.
    responseBody: sealedText('idempotency-responses'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
