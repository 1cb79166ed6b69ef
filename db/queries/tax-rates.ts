import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { taxRates } from '../schema';

export type TaxRateRow = typeof taxRates.$inferSelect;

export async function findTaxRate(db: Queryable, p: { accountId: string; id: string }): Promise<TaxRateRow | null> {
  const rows = await db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.accountId, p.accountId), eq(taxRates.id, p.id)))
    .limit(1);
  return rows[0] ?? null;
}

export type NewTaxRateRow = typeof taxRates.$inferInsert;
/** The columns an update may set: everything but the keys. */
export type TaxRateFields = Partial<Omit<NewTaxRateRow, 'id' | 'accountId'>>;

export async function insertTaxRate(db: Queryable, p: NewTaxRateRow): Promise<TaxRateRow> {
  const [row] = await db.insert(taxRates).values(p).returning();
  return row;
}

/** Sets the given columns of one of the account's tax rates; the updated row. */
export async function updateTaxRateFields(db: Queryable, p: { accountId: string; id: string; set: TaxRateFields }): Promise<TaxRateRow> {
  const [row] = await db
    .update(taxRates)
    .set(p.set)
    .where(and(eq(taxRates.accountId, p.accountId), eq(taxRates.id, p.id)))
    .returning();
  return row;
}
