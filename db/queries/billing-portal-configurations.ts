import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { billingPortalConfigurations } from '../schema';

export type PortalConfigurationRow = typeof billingPortalConfigurations.$inferSelect;
export type NewPortalConfigurationRow = Omit<typeof billingPortalConfigurations.$inferInsert, 'isDefault'>;
/** The columns an update may set: everything but the keys and whether it is the default. */
export type PortalConfigurationFields = Partial<Omit<NewPortalConfigurationRow, 'id' | 'accountId'>>;

export async function findPortalConfiguration(db: Queryable, p: { accountId: string; id: string }): Promise<PortalConfigurationRow | null> {
  const rows = await db
    .select()
    .from(billingPortalConfigurations)
    .where(and(eq(billingPortalConfigurations.accountId, p.accountId), eq(billingPortalConfigurations.id, p.id)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Inserts a configuration, the account's default if it has none yet. The partial unique index decides
 * between two first configurations created at once: the one that loses it is inserted as not the default.
 */
export async function insertPortalConfiguration(db: Queryable, p: NewPortalConfigurationRow): Promise<PortalConfigurationRow> {
  const asDefault = await db
    .insert(billingPortalConfigurations)
    .values({ ...p, isDefault: true })
    .onConflictDoNothing({ target: billingPortalConfigurations.accountId, where: sql`${billingPortalConfigurations.isDefault}` })
    .returning();
  if (asDefault[0]) return asDefault[0];
  const [row] = await db
    .insert(billingPortalConfigurations)
    .values({ ...p, isDefault: false })
    .returning();
  return row;
}

/** Sets the given columns of one of the account's configurations; the updated row. */
export async function updatePortalConfigurationFields(
  db: Queryable,
  p: { accountId: string; id: string; set: PortalConfigurationFields },
): Promise<PortalConfigurationRow> {
  const [row] = await db
    .update(billingPortalConfigurations)
    .set(p.set)
    .where(and(eq(billingPortalConfigurations.accountId, p.accountId), eq(billingPortalConfigurations.id, p.id)))
    .returning();
  return row;
}

/** The account's default configuration, or null when it has made none. */
export async function findDefaultPortalConfiguration(db: Queryable, accountId: string): Promise<PortalConfigurationRow | null> {
  const rows = await db
    .select()
    .from(billingPortalConfigurations)
    .where(and(eq(billingPortalConfigurations.accountId, accountId), eq(billingPortalConfigurations.isDefault, true)))
    .limit(1);
  return rows[0] ?? null;
}
