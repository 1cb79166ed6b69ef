import { bigint, boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { bytea } from './columns';

/** Why a file was uploaded, in Stripe's words: Caisse takes dispute evidence only. */
export type FilePurpose = 'dispute_evidence';

/** What an upload really is, read from its bytes: Stripe's File `type`. */
export type StoredFileType = 'pdf' | 'jpg' | 'png';

/**
 * Files uploaded through POST /v1/files (Stripe's File objects): private to their account, read back
 * only with its secret key. Not the images table: those are public by id and always pictures.
 */
export const files = pgTable(
  'files',
  {
    id: text().primaryKey(),
    // Monotonic insertion order, for lists (as objectColumns gives every object table).
    seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
    accountId: text()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    livemode: boolean().notNull().default(false),
    purpose: text().$type<FilePurpose>().notNull(),
    filename: text(),
    type: text().$type<StoredFileType>().notNull(),
    size: integer().notNull(),
    data: bytea().notNull(),
    // After this the file is gone for every purpose, as Stripe's expires_at says.
    expiresAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('files_account_seq_idx').on(t.accountId, t.seq)],
);
