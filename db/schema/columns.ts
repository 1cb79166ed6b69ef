import { bigint, boolean, customType, jsonb, text, timestamp } from 'drizzle-orm/pg-core';

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

/** Uploaded bytes (images, files), kept in the database with their owner. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const money = (name?: string) => (name ? bigint(name, { mode: 'number' }) : bigint({ mode: 'number' }));
export const ts = () => timestamp({ withTimezone: true });
export { text, jsonb, boolean };

/** What each sealed column is sealed for: its own key (lib/security/secret-keys.ts derives one per purpose). */
export type SealedPurpose = 'webhook-secrets' | 'idempotency-responses';

/** How sealed columns are encrypted: lib/security/sealed-columns.ts registers the installation's keys. */
export type SealedTextCodec = {
  seal: (plaintext: string, purpose: SealedPurpose) => string;
  unseal: (stored: string, purpose: SealedPurpose) => string;
  isSealed: (stored: string) => boolean;
};

// On globalThis, like the database handle (db/client.ts): Next's module copies share one registration.
const slot = globalThis as unknown as { __caisseSealedTextCodec?: SealedTextCodec };

export function registerSealedTextCodec(codec: SealedTextCodec): void {
  slot.__caisseSealedTextCodec = codec;
}

/** No codec, no sealed column: a value is never written (or read) in clear because a process forgot its keys. */
function codec(): SealedTextCodec {
  const registered = slot.__caisseSealedTextCodec;
  if (!registered) throw new Error('Sealed columns have no codec: import @/lib/security/sealed-columns before using them');
  return registered;
}

/**
 * Text stored encrypted (AES-256-GCM, lib/security/secret-keys.ts) with a key that is not in the
 * database: written sealed, read back in clear. A value from before sealing reads as it is.
 */
export const sealedText = (purpose: SealedPurpose) =>
  customType<{ data: string; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => codec().seal(value, purpose),
    fromDriver: (value) => {
      const c = codec();
      return c.isSealed(value) ? c.unseal(value, purpose) : value;
    },
  })();
