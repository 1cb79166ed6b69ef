import { bigint, boolean, jsonb, text, timestamp } from 'drizzle-orm/pg-core';

/** Columns every Stripe-shaped object table carries. */
export const objectColumns = () => ({
  // Monotonic insertion order: lists page on it (newest first), so objects
  // created in the same second still have a total order.
  seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
  accountId: text().notNull(),
  livemode: boolean().notNull().default(false),
  metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const money = (name?: string) => (name ? bigint(name, { mode: 'number' }) : bigint({ mode: 'number' }));
export const ts = () => timestamp({ withTimezone: true });
export { text, jsonb, boolean };
