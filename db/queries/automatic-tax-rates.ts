import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../client';
import { taxRates } from '../schema';
import type { NewTaxRateRow, TaxRateRow } from './tax-rates';

export type AutomaticTaxRate = Omit<NewTaxRateRow, 'id' | 'accountId' | 'automaticKey'> & { automaticKey: string };

/**
 * The account's tax rates for these automatic-tax keys, each made the first time
 * it is needed (two sessions asking at once get the same row).
 */
export async function automaticTaxRates(
  db: Queryable,
  accountId: string,
  wanted: (AutomaticTaxRate & { id: string })[],
): Promise<Map<string, TaxRateRow>> {
  if (!wanted.length) return new Map();
  await db
    .insert(taxRates)
    .values(wanted.map((w) => ({ ...w, accountId })))
    .onConflictDoNothing({ target: [taxRates.accountId, taxRates.automaticKey] });
  const rows = await db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.accountId, accountId), inArray(taxRates.automaticKey, [...new Set(wanted.map((w) => w.automaticKey))])));
  return new Map(rows.map((r) => [r.automaticKey ?? '', r]));
}
