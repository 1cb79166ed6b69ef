import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { taxRates } from '../schema';
import { noSuchObject } from '@/lib/api/errors';

export type TaxRateRow = typeof taxRates.$inferSelect;

export async function findTaxRate(db: Queryable, p: { accountId: string; id: string }): Promise<TaxRateRow | null> {
  const rows = await db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.accountId, p.accountId), eq(taxRates.id, p.id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function getTaxRateOrThrow(
  db: Queryable,
  p: { accountId: string; id: string; param?: string; status?: number },
): Promise<TaxRateRow> {
  const row = await findTaxRate(db, p);
  if (!row) throw noSuchObject('tax rate', p.id, p.param ?? 'id', p.status ?? 404);
  return row;
}
