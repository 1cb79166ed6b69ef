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
