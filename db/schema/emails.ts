import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// The dashboard's own mail (sign-up and sign-in links) belongs to no merchant account: accountId is null.
export const emailKind = pgEnum('email_kind', ['receipt', 'sign_up_link', 'account_exists', 'sign_in_link', 'pass_code']);
// 'kept': no SMTP server is configured, so the message stays here for the dashboard to show.
export const emailStatus = pgEnum('email_status', ['pending', 'sent', 'kept', 'failed']);

/**
 * Outgoing mail, written in the transaction that causes it (a receipt exists
 * iff the payment committed) and drained by lib/receipts/send-emails.ts with
 * FOR UPDATE SKIP LOCKED, like webhook deliveries.
 */
export const emails = pgTable(
  'emails',
  {
    id: text().primaryKey(),
    accountId: text(),
    kind: emailKind().notNull(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    status: emailStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    checkoutSessionId: text(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // A sender's claim; a claim past this time belongs to a sender that died.
    lockedUntil: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('emails_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    index('emails_account_created_idx').on(t.accountId, t.createdAt),
    index('emails_checkout_session_idx').on(t.checkoutSessionId),
  ],
);
