import type { Db, Queryable } from '@/db/client';
import { latestFxQuotes, upsertFxRates, type FxQuote } from '@/db/queries/fx-rates';
import { crossRate } from './convert';
import type { EcbRate } from './ecb-csv';

export { convertAmount, crossRate } from './convert';
export type { FxQuote };

const DAY_MS = 86_400_000;
const CODE = /^[a-z]{3}$/;

/** The UTC calendar day of `at`, 'YYYY-MM-DD': the ECB's reference dates are days, compared as such. */
const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Stores the rates (from `parseEcbCsv`) under `source` ('ecb-snapshot', or the file imported), replacing any quote
 * already held for the same currency and date; a key given twice keeps its last rate. One transaction. Returns how
 * many rates were written.
 */
export async function importFxRates(db: Db, rows: EcbRate[], source: string): Promise<number> {
  const byKey = new Map(rows.map((r) => [`${r.currency}/${r.date}`, { currency: r.currency, date: r.date, rate: r.rate, source }]));
  const unique = [...byKey.values()];
  await db.transaction((tx) => upsertFxRates(tx, unique));
  return unique.length;
}

/** Each currency's latest quote (units per euro) on or before `now`'s day, for the currencies named (lowercase) or all. */
export async function latestRates(db: Queryable, p: { now?: Date; currencies?: string[] } = {}): Promise<FxQuote[]> {
  return latestFxQuotes(db, { onOrBefore: day(p.now ?? new Date()), currencies: p.currencies });
}

/**
 * How many units of `to` one unit of `from` buys (lowercase ISO 4217 codes), through the euro as the ECB quotes
 * both: rate(EUR→to) / rate(EUR→from), each currency at its latest quote on or before `now`'s day (UTC), the
 * euro itself at 1. `rate` is an exact decimal string of 15 significant digits (`crossRate`); `date` is the
 * older of the two quotes' reference dates. Null when either currency has no quote, or when that older quote
 * is more than `maxAgeDays` days before `now`'s day: the rates are stale, and the caller keeps the merchant's
 * currency. A currency to itself is "1" on `now`'s day, with no quote needed.
 */
export async function exchangeRate(
  db: Queryable,
  p: { from: string; to: string; now: Date; maxAgeDays: number },
): Promise<{ rate: string; date: string } | null> {
  for (const code of [p.from, p.to]) {
    if (!CODE.test(code)) throw new RangeError(`exchangeRate: currency must be a lowercase ISO 4217 code, got ${JSON.stringify(code)}`);
  }
  const today = day(p.now);
  if (p.from === p.to) return { rate: '1', date: today };
  const wanted = [p.from, p.to].filter((c) => c !== 'eur');
  const quotes = new Map((await latestFxQuotes(db, { onOrBefore: today, currencies: wanted })).map((q) => [q.currency, q]));
  const perEuro = (currency: string) => (currency === 'eur' ? { rate: '1', date: null } : (quotes.get(currency) ?? null));
  const from = perEuro(p.from);
  const to = perEuro(p.to);
  if (!from || !to) return null;
  const dates = [from.date, to.date].filter((d): d is string => d !== null);
  const date = dates.reduce((a, b) => (a < b ? a : b));
  if ((Date.parse(today) - Date.parse(date)) / DAY_MS > p.maxAgeDays) return null;
  return { rate: crossRate(from.rate, to.rate), date };
}
