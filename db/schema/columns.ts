import { bigint, boolean, customType, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { isSealed, seal, unseal, type KeyPurpose } from '@/lib/security/secret-keys';

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

/**
 * Text stored encrypted (AES-256-GCM, lib/security/secret-keys.ts) with a key that is not in the
 * database: written sealed, read back in clear. A value from before sealing reads as it is.
 */
export const sealedText = (purpose: KeyPurpose) =>
  customType<{ data: string; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => seal(value, purpose),
    fromDriver: (value) => (isSealed(value) ? unseal(value, purpose) : value),
  })();
