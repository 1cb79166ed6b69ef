import { eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { taxSettings } from '../schema';

export type TaxSettingsRow = typeof taxSettings.$inferSelect;
/** The columns an update may set. */
export type TaxSettingsFields = Partial<Omit<typeof taxSettings.$inferInsert, 'accountId' | 'createdAt'>>;

/** The account's tax settings, or null while it has never updated them. */
export async function findTaxSettings(db: Queryable, p: { accountId: string }): Promise<TaxSettingsRow | null> {
  const rows = await db.select().from(taxSettings).where(eq(taxSettings.accountId, p.accountId)).limit(1);
  return rows.at(0) ?? null;
}

/**
 * The account's settings row, locked for the rest of the transaction: created with the defaults
 * first when there is none (two first updates at once both end on the one row).
 */
export async function lockTaxSettings(db: Queryable, p: { accountId: string }): Promise<TaxSettingsRow> {
  await db.insert(taxSettings).values({ accountId: p.accountId }).onConflictDoNothing({ target: taxSettings.accountId });
  const [row] = await db.select().from(taxSettings).where(eq(taxSettings.accountId, p.accountId)).for('update');
  return row;
}

export async function updateTaxSettingsFields(db: Queryable, p: { accountId: string; set: TaxSettingsFields }): Promise<TaxSettingsRow> {
  const [row] = await db
    .update(taxSettings)
    .set({ ...p.set, updatedAt: new Date() })
    .where(eq(taxSettings.accountId, p.accountId))
    .returning();
  return row;
}
