import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { webhookEndpoints } from '../schema';
import { sqlNow } from '../sql-now';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
type NewWebhookEndpoint = typeof webhookEndpoints.$inferInsert;

/** A live (not deleted) endpoint of the account; `lock` holds it for the rest of the transaction. */
export async function findWebhookEndpoint(
  db: Queryable,
  p: { accountId: string; id: string; lock?: boolean },
): Promise<WebhookEndpointRow | null> {
  const query = db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, p.accountId), eq(webhookEndpoints.id, p.id), eq(webhookEndpoints.deleted, false)))
    .limit(1);
  const rows = p.lock ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** The account's live endpoints, newest first: at most MAX_WEBHOOK_ENDPOINTS, so no paging. */
export function listAccountEndpoints(db: Queryable, p: { accountId: string }): Promise<WebhookEndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, p.accountId), eq(webhookEndpoints.deleted, false)))
    .orderBy(desc(webhookEndpoints.seq));
}

/**
 * The account's live endpoints whose enabled_events hold this type or '*':
 * one indexed query on every write, usually answering nothing.
 */
export function listSubscribedEndpoints(db: Queryable, p: { accountId: string; type: string }): Promise<{ id: string }[]> {
  return db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.accountId, p.accountId),
        eq(webhookEndpoints.deleted, false),
        eq(webhookEndpoints.status, 'enabled'),
        sql`(${webhookEndpoints.enabledEvents} @> ${JSON.stringify([p.type])}::jsonb or ${webhookEndpoints.enabledEvents} @> '["*"]'::jsonb)`,
      ),
    )
    .orderBy(webhookEndpoints.seq);
}

/** Queues the account's endpoint creations behind one another until the transaction ends, so two at once cannot both pass the cap. */
export async function lockEndpointCreation(db: Queryable, p: { accountId: string }): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`webhook_endpoints:${p.accountId}`}))`);
}

/** How many live (not deleted) endpoints the account has. */
export async function countLiveEndpoints(db: Queryable, p: { accountId: string }): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, p.accountId), eq(webhookEndpoints.deleted, false)));
  return n;
}

/** A new endpoint; `secret` is sealed by its column. */
export async function insertWebhookEndpoint(
  db: Queryable,
  p: {
    id: string;
    accountId: string;
    url: string;
    description: string | null;
    enabledEvents: string[];
    apiVersion: string | null;
    metadata: NewWebhookEndpoint['metadata'];
    secret: string;
  },
): Promise<WebhookEndpointRow> {
  const [row] = await db
    .insert(webhookEndpoints)
    .values({
      id: p.id,
      accountId: p.accountId,
      url: p.url,
      description: p.description,
      enabledEvents: p.enabledEvents,
      apiVersion: p.apiVersion,
      metadata: p.metadata,
      secret: p.secret,
    })
    .returning();
  return row;
}

/** What an update of an endpoint may change. */
export type WebhookEndpointChanges = Partial<
  Pick<NewWebhookEndpoint, 'url' | 'enabledEvents' | 'description' | 'status' | 'disabledReason' | 'failingSince' | 'metadata'>
>;

/** Writes the given fields of one of the account's endpoints: the row as it now is, or null when there is no such endpoint. */
export async function updateWebhookEndpointFields(
  db: Queryable,
  p: { accountId: string; id: string },
  changes: WebhookEndpointChanges,
): Promise<WebhookEndpointRow | null> {
  const rows = await db
    .update(webhookEndpoints)
    .set(changes)
    .where(and(eq(webhookEndpoints.accountId, p.accountId), eq(webhookEndpoints.id, p.id)))
    .returning();
  return rows.at(0) ?? null;
}

/** Soft delete: the row stays for the delivery history, and lookups of live endpoints no longer find it. */
export async function markWebhookEndpointDeleted(db: Queryable, p: { accountId: string; id: string }): Promise<void> {
  await db
    .update(webhookEndpoints)
    .set({ deleted: true })
    .where(and(eq(webhookEndpoints.accountId, p.accountId), eq(webhookEndpoints.id, p.id)));
}

/** A new signing secret, and the replaced one kept (or not: null) until `previousSecretExpiresAt`. Both are sealed by their columns. */
export async function rollEndpointSecret(
  db: Queryable,
  p: { accountId: string; id: string; secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null },
): Promise<WebhookEndpointRow | null> {
  const rows = await db
    .update(webhookEndpoints)
    .set({ secret: p.secret, previousSecret: p.previousSecret, previousSecretExpiresAt: p.previousSecretExpiresAt })
    .where(and(eq(webhookEndpoints.accountId, p.accountId), eq(webhookEndpoints.id, p.id)))
    .returning();
  return rows.at(0) ?? null;
}

/** Holds the endpoint (live or deleted) for the rest of the transaction. */
export async function lockWebhookEndpoint(db: Queryable, p: { accountId: string; id: string }): Promise<void> {
  await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, p.accountId), eq(webhookEndpoints.id, p.id)))
    .for('update');
}

/**
 * Records how a delivery to the endpoint went. An endpoint that has failed every delivery for three days is switched
 * off with `disabledReason` (the merchant re-enables it); one success resets the clock. Column references in SET
 * read the row as it was, so the check uses the old failing_since.
 */
export async function recordEndpointHealth(
  db: Queryable,
  p: { accountId: string; id: string; ok: boolean; disabledReason: string; now?: Date },
): Promise<void> {
  if (p.ok) {
    await db
      .update(webhookEndpoints)
      .set({ failingSince: null })
      .where(
        and(eq(webhookEndpoints.accountId, p.accountId), eq(webhookEndpoints.id, p.id), sql`${webhookEndpoints.failingSince} is not null`),
      );
    return;
  }
  const now = sqlNow(p.now);
  const expired = sql`(${webhookEndpoints.failingSince} < ${now} - interval '3 days' and ${webhookEndpoints.status} = 'enabled')`;
  await db
    .update(webhookEndpoints)
    .set({
      failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now})`,
      status: sql`case when ${expired} then 'disabled' else ${webhookEndpoints.status} end`,
      disabledReason: sql`case when ${expired} then ${p.disabledReason} else ${webhookEndpoints.disabledReason} end`,
    })
    .where(and(eq(webhookEndpoints.accountId, p.accountId), eq(webhookEndpoints.id, p.id)));
}

/**
 * Every endpoint, of any account, with a secret not sealed under `sealPrefix` (the current key's): stored in clear,
 * or under an older key. The secrets come back opened by their columns.
 */
export function listEndpointsToReseal(
  db: Queryable,
  p: { sealPrefix: string },
): Promise<{ accountId: string; id: string; secret: string; previousSecret: string | null }[]> {
  return db
    .select({
      accountId: webhookEndpoints.accountId,
      id: webhookEndpoints.id,
      secret: webhookEndpoints.secret,
      previousSecret: webhookEndpoints.previousSecret,
    })
    .from(webhookEndpoints)
    .where(
      sql`${webhookEndpoints.secret}::text not like ${`${p.sealPrefix}%`} or (${webhookEndpoints.previousSecret} is not null and ${webhookEndpoints.previousSecret}::text not like ${`${p.sealPrefix}%`})`,
    );
}

/** Rewrites an endpoint's secrets as a whole: their columns seal them with the current key. */
export async function resealEndpointSecrets(
  db: Queryable,
  p: { accountId: string; id: string; secret: string; previousSecret: string | null },
): Promise<void> {
  await db
    .update(webhookEndpoints)
    .set({ secret: p.secret, previousSecret: p.previousSecret })
    .where(and(eq(webhookEndpoints.accountId, p.accountId), eq(webhookEndpoints.id, p.id)));
}
