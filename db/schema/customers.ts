import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
  },
  (t) => [index('customers_account_seq_idx').on(t.accountId, t.seq), index('customers_account_email_idx').on(t.accountId, t.email)],
);
