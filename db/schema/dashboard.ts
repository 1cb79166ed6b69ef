import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { bytea } from './columns';

// Dashboard sign-in. The four tables below are better-auth's core models under Caisse's
// names (see lib/auth/auth.ts); their TypeScript keys are the field names better-auth uses.

export const dashboardUsers = pgTable('dashboard_users', {
  id: text().primaryKey(),
  name: text().notNull(),
  email: text().notNull().unique(),
  emailVerified: boolean().notNull().default(false),
  image: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const dashboardSessions = pgTable(
  'dashboard_sessions',
  {
    id: text().primaryKey(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    token: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ipAddress: text(),
    userAgent: text(),
    userId: text()
      .notNull()
      .references(() => dashboardUsers.id, { onDelete: 'cascade' }),
  },
  (t) => [index('dashboard_sessions_user_idx').on(t.userId)],
);

/** better-auth's "account" model: a user's credential (here only email and password). */
export const dashboardCredentials = pgTable(
  'dashboard_credentials',
  {
    id: text().primaryKey(),
    accountId: text().notNull(),
    providerId: text().notNull(),
    userId: text()
      .notNull()
      .references(() => dashboardUsers.id, { onDelete: 'cascade' }),
    accessToken: text(),
    refreshToken: text(),
    idToken: text(),
    accessTokenExpiresAt: timestamp({ withTimezone: true }),
    refreshTokenExpiresAt: timestamp({ withTimezone: true }),
    scope: text(),
    password: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dashboard_credentials_user_idx').on(t.userId)],
);

/** One-time links (sign-up, sign-in), looked up by the SHA-256 of their token (lib/auth/email-links.ts). */
export const dashboardVerifications = pgTable(
  'dashboard_verifications',
  {
    id: text().primaryKey(),
    identifier: text().notNull(),
    value: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dashboard_verifications_identifier_idx').on(t.identifier)],
);

export const memberRole = pgEnum('member_role', ['owner', 'member']);

/** Which merchant accounts a dashboard user may act for. */
export const accountMembers = pgTable(
  'account_members',
  {
    userId: text()
      .notNull()
      .references(() => dashboardUsers.id, { onDelete: 'cascade' }),
    accountId: text()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: memberRole().notNull().default('owner'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.accountId] }), index('account_members_account_idx').on(t.accountId)],
);

/** A merchant's own hostname for the checkout page (pay.example.com), usable once its DNS TXT record is seen. */
export const customDomains = pgTable(
  'custom_domains',
  {
    id: text().primaryKey(),
    accountId: text()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    hostname: text().notNull(),
    // The value the merchant publishes at _caisse-challenge.<hostname>.
    verificationToken: text().notNull(),
    verifiedAt: timestamp({ withTimezone: true }),
    lastCheckedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('custom_domains_hostname_uq').on(t.hostname), index('custom_domains_account_idx').on(t.accountId)],
);

/** Uploaded images (logos, icons, product pictures), checked on upload and served from /files/{id}. */
export const images = pgTable(
  'images',
  {
    id: text().primaryKey(),
    accountId: text()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    contentType: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    byteSize: integer().notNull(),
    data: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('images_account_idx').on(t.accountId)],
);
