import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { objectColumns, sealedText } from './columns';

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
    // Signing secrets, encrypted at rest.
    secret: sealedText('webhook-secrets').notNull(),
    previousSecret: sealedText('webhook-secrets'),
    previousSecretExpiresAt: timestamp({ withTimezone: true }),
    disabledReason: text(),
    // Since when every delivery has failed; three days of it disables the endpoint.
    failingSince: timestamp({ withTimezone: true }),
    deleted: boolean().notNull().default(false),
  },
  (t) => [index('webhook_endpoints_account_seq_idx').on(t.accountId, t.seq)],
);

export const deliveryStatus = pgEnum('webhook_delivery_status', ['pending', 'succeeded', 'failed']);

/**
 * One event for one endpoint: written in the same transaction as the event
 * (the outbox), drained by the delivery worker with FOR UPDATE SKIP LOCKED.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text().primaryKey(),
    accountId: text().notNull(),
    eventId: text().notNull(),
    endpointId: text().notNull(),
    status: deliveryStatus().notNull().default('pending'),
    attemptCount: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // A worker's claim; a claim past this time belongs to a worker that died.
    lockedUntil: timestamp({ withTimezone: true }),
    lastStatusCode: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_endpoint_uq').on(t.eventId, t.endpointId),
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
  ],
);

/** Every delivery attempt: when, what came back, how long it took. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: text().primaryKey(),
    deliveryId: text().notNull(),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    statusCode: integer(),
    latencyMs: integer().notNull(),
    // The first 1 KB of the response body, or the connection error.
    responseExcerpt: text(),
    error: text(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attemptedAt)],
);
