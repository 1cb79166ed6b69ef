import { and, desc, inArray, lte, max, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { fxRates } from '../schema';

export type NewFxRateRow = { currency: string; date: string; rate: string; source: string };
/** A currency's quote: units of it one euro buys on that reference date. */
export type FxQuote = { currency: string; date: string; rate: string };

// Five parameters a row: far below Postgres's 65,535 per statement.
const CHUNK = 1000;

/** Inserts the rates, replacing any quote already held for the same currency and date. Rows must not repeat a key. */
export async function upsertFxRates(db: Queryable, rows: NewFxRateRow[]): Promise<void> {
  const importedAt = new Date();
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insert(fxRates)
      .values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, importedAt })))
      .onConflictDoUpdate({
        target: [fxRates.currency, fxRates.date],
        set: { rate: sql`excluded.rate`, source: sql`excluded.source`, importedAt: sql`excluded.imported_at` },
      });
  }
}

/** Whether the table holds any rate (one cheap query, for the start-up seed). */
export async function hasFxRates(db: Queryable): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(fxRates)
    .limit(1);
  return rows.length > 0;
}

/** Each currency's latest quote on or before `onOrBefore` ('YYYY-MM-DD'), for the currencies named or all. */
export async function latestFxQuotes(db: Queryable, p: { onOrBefore: string; currencies?: string[] }): Promise<FxQuote[]> {
  if (p.currencies?.length === 0) return [];
  return db
    .selectDistinctOn([fxRates.currency], { currency: fxRates.currency, date: fxRates.date, rate: fxRates.rate })
    .from(fxRates)
    .where(and(lte(fxRates.date, p.onOrBefore), p.currencies ? inArray(fxRates.currency, p.currencies) : undefined))
    .orderBy(fxRates.currency, desc(fxRates.date));
}

/** The most recent reference date held, or null on an empty table. */
export async function latestFxDate(db: Queryable): Promise<string | null> {
  const [row] = await db.select({ date: max(fxRates.date) }).from(fxRates);
  return row.date ?? null;
}
