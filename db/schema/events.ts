import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { objectColumns } from './columns';

export const events = pgTable(
  'events',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    type: text().notNull(),
    apiVersion: text(),
    data: jsonb().$type<{ object: Record<string, unknown>; previous_attributes?: Record<string, unknown> }>().notNull(),
    requestId: text(),
    idempotencyKey: text(),
    pendingWebhooks: integer().notNull().default(0),
  },
  (t) => [index('events_account_seq_idx').on(t.accountId, t.seq), index('events_account_type_idx').on(t.accountId, t.type)],
);

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    url: text().notNull(),
    description: text(),
    enabledEvents: jsonb().$type<string[]>().notNull(),
    status: text().notNull().default('enabled'),
    apiVersion: text(),
    secret: text().notNull(),
    previousSecret: text(),
    previousSecretExpiresAt: timestamp({ withTimezone: true }),
    disabledReason: text(),
    deleted: boolean().notNull().default(false),
  },
  (t) => [index('webhook_endpoints_account_seq_idx').on(t.accountId, t.seq)],
);
