import { and, asc, eq, isNotNull, sql, type Placeholder } from 'drizzle-orm';
import type { Queryable } from '../client';
import { builtOnce } from '../built-once';
import { accounts, customDomains } from '../schema';

export type CustomDomainRow = typeof customDomains.$inferSelect;

export async function listCustomDomains(db: Queryable, p: { accountId: string }): Promise<CustomDomainRow[]> {
  return db
    .select()
    .from(customDomains)
    .where(eq(customDomains.accountId, p.accountId))
    .orderBy(asc(customDomains.createdAt), asc(customDomains.id));
}

export async function findCustomDomain(db: Queryable, p: { accountId: string; id: string }): Promise<CustomDomainRow | null> {
  const rows = await db
    .select()
    .from(customDomains)
    .where(and(eq(customDomains.accountId, p.accountId), eq(customDomains.id, p.id)))
    .limit(1);
  return rows[0] ?? null;
}

/** Inserts the domain; a host name any account already has fails on the unique index (23505). */
export async function insertCustomDomain(
  db: Queryable,
  p: { id: string; accountId: string; hostname: string; verificationToken: string },
): Promise<CustomDomainRow> {
  const [row] = await db.insert(customDomains).values(p).returning();
  return row;
}

/** Deletes one of the account's domains; returns its host name, or null when the account has no such domain. */
export async function deleteCustomDomain(db: Queryable, p: { accountId: string; id: string }): Promise<string | null> {
  const rows = await db
    .delete(customDomains)
    .where(and(eq(customDomains.accountId, p.accountId), eq(customDomains.id, p.id)))
    .returning({ hostname: customDomains.hostname });
  return rows[0]?.hostname ?? null;
}

/** Records a check: lastCheckedAt always, verifiedAt the first time the record is found (kept afterwards). */
export async function recordDomainCheck(
  db: Queryable,
  p: { accountId: string; id: string; found: boolean; now: Date },
): Promise<CustomDomainRow | null> {
  const rows = await db
    .update(customDomains)
    .set({
      lastCheckedAt: p.now,
      ...(p.found && { verifiedAt: sql`coalesce(${customDomains.verifiedAt}, ${p.now.toISOString()}::timestamptz)` }),
    })
    .where(and(eq(customDomains.accountId, p.accountId), eq(customDomains.id, p.id)))
    .returning();
  return rows[0] ?? null;
}

/** The account a verified custom domain belongs to, or null (unknown or not verified yet). */
export async function verifiedDomainAccount(db: Queryable, hostname: string): Promise<string | null> {
  const rows = await db
    .select({ accountId: customDomains.accountId })
    .from(customDomains)
    .where(and(eq(customDomains.hostname, hostname), isNotNull(customDomains.verifiedAt)))
    .limit(1);
  return rows[0]?.accountId ?? null;
}

/**
 * The domain an account's checkout links use, as a subquery: its first verified domain (so verifying another does not
 * move links), null for none. The account comes as a placeholder, never a column: in a single-table select drizzle
 * writes columns unqualified, and `account_id` would then name custom_domains' own.
 */
export const checkoutDomainSubquery = (accountId: Placeholder) =>
  sql<string | null>`(select ${customDomains.hostname} from ${customDomains}
    where ${customDomains.accountId} = ${accountId} and ${customDomains.verifiedAt} is not null
    order by ${customDomains.verifiedAt}, ${customDomains.id} limit 1)`;

// Every session create reads these.
const hostSettings = builtOnce((db) =>
  db
    .select({
      allowedRedirectDomains: accounts.allowedRedirectDomains,
      checkoutDomain: checkoutDomainSubquery(sql.placeholder('accountId')),
    })
    .from(accounts)
    .where(eq(accounts.id, sql.placeholder('accountId')))
    .prepare('session_host_settings'),
);

/**
 * What creating a session needs from the account, in one read: its redirect allowlist and the
 * domain its checkout links use (the first one verified, so verifying another does not move links).
 */
export async function sessionHostSettings(
  db: Queryable,
  accountId: string,
): Promise<{ allowedRedirectDomains: string[]; checkoutDomain: string | null }> {
  const rows = await hostSettings(db).execute({ accountId });
  return { allowedRedirectDomains: rows[0]?.allowedRedirectDomains ?? [], checkoutDomain: rows[0]?.checkoutDomain ?? null };
}
