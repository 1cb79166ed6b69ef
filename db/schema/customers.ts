import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { objectColumns } from './columns';

export type Address = {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
};

export const customers = pgTable(
  'customers',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    email: text(),
    name: text(),
    phone: text(),
    description: text(),
    address: jsonb().$type<Address | null>(),
    shipping: jsonb().$type<{ address: Address; name: string; phone: string | null } | null>(),
    preferredLocales: jsonb().$type<string[]>().notNull().default([]),
    balance: bigint({ mode: 'number' }).notNull().default(0),
    currency: text(),
    deletedAt: timestamp({ withTimezone: true }),
    testClockId: text(),
    // invoice_settings.default_payment_method: one of this customer's payment methods, or null.
    defaultPaymentMethodId: text(),
    taxExempt: text().$type<'none' | 'exempt' | 'reverse'>().notNull().default('none'),
  },
  (t) => [index('customers_account_seq_idx').on(t.accountId, t.seq), index('customers_account_email_idx').on(t.accountId, t.email)],
);

/** Stripe's TaxId verification: Caisse checks formats and check digits offline, so it stays `unavailable`. */
export type TaxIdVerification = {
  status: 'pending' | 'unavailable' | 'unverified' | 'verified';
  verified_address: string | null;
  verified_name: string | null;
};

/** Stripe's customer TaxId: a customer's tax ID, its value stored in the form its format writes it. */
export const taxIds = pgTable(
  'tax_ids',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    customerId: text().notNull(),
    type: text().notNull(),
    value: text().notNull(),
    country: text(),
    verification: jsonb().$type<TaxIdVerification>().notNull(),
  },
  // A customer holds a number once: a checkout adding it again changes nothing (insert … on conflict do nothing).
  (t) => [uniqueIndex('tax_ids_customer_type_value_uq').on(t.customerId, t.type, t.value)],
);
