import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '@/e2e/support/own-database';
import type { Db } from '@/db/client';
import type { EcbRate } from './ecb-csv';

let db: Db;
let drop: () => Promise<void> = async () => {};
beforeAll(async () => {
  drop = await useOwnDatabase('caisse_fx_rates');
  db = await (await import('@/db/client')).getDb();
});
afterAll(() => drop());

const fx = () => import('./fx-rates');
const rates = (date: string, quotes: Record<string, string>): EcbRate[] =>
  Object.entries(quotes).map(([currency, rate]) => ({ date, currency, rate }));
const at = (iso: string) => new Date(`${iso}T18:00:00Z`);

describe('fx rates in the database', () => {
  beforeAll(async () => {
    const { importFxRates } = await fx();
    await importFxRates(db, rates('2026-12-01', { usd: '1.0500', jpy: '157.00', gbp: '0.87000' }), 'first.csv');
    await importFxRates(db, rates('2026-12-02', { usd: '1.0550', jpy: '157.50' }), 'first.csv');
    await importFxRates(db, rates('2026-12-04', { usd: '1.0580', jpy: '158.12', chf: '0.9400' }), 'eurofxref.csv');
    // A quote published later than every "now" below.
    await importFxRates(db, rates('2026-12-20', { usd: '2.0000', jpy: '300.00' }), 'later.csv');
  });

  it('importFxRates upserts on (currency, date), counts each key once and records the source', async () => {
    const { importFxRates } = await fx();
    const { fxRates } = await import('@/db/schema');
    const { and, eq } = await import('drizzle-orm');
    const written = await importFxRates(
      db,
      [...rates('2026-11-30', { sek: '11.00', nok: '11.70' }), ...rates('2026-11-30', { sek: '11.05' })],
      'one.csv',
    );
    expect(written).toBe(2);
    expect(await importFxRates(db, rates('2026-11-30', { sek: '11.10' }), 'two.csv')).toBe(1);
    const rows = await db
      .select()
      .from(fxRates)
      .where(and(eq(fxRates.currency, 'sek'), eq(fxRates.date, '2026-11-30')));
    expect(rows).toEqual([expect.objectContaining({ currency: 'sek', date: '2026-11-30', rate: '11.10', source: 'two.csv' })]);
    expect(rows[0].importedAt).toBeInstanceOf(Date);
  });

  it('latestRates: each currency at its latest quote on or before now', async () => {
    const { latestRates } = await fx();
    expect(await latestRates(db, { now: at('2026-12-05'), currencies: ['usd', 'gbp', 'xxx'] })).toEqual([
      { currency: 'gbp', date: '2026-12-01', rate: '0.87000' },
      { currency: 'usd', date: '2026-12-04', rate: '1.0580' },
    ]);
    expect(await latestRates(db, { now: at('2026-12-02'), currencies: ['usd'] })).toEqual([
      { currency: 'usd', date: '2026-12-02', rate: '1.0550' },
    ]);
    expect((await latestRates(db, { now: at('2026-12-05') })).map((q) => q.currency)).toEqual(['chf', 'gbp', 'jpy', 'nok', 'sek', 'usd']);
    expect(await latestRates(db, { now: at('2026-12-05'), currencies: [] })).toEqual([]);
  });

  it('exchangeRate usd → jpy is the cross rate through the euro, at the latest quotes on or before now', async () => {
    const { exchangeRate, convertAmount } = await fx();
    const quote = await exchangeRate(db, { from: 'usd', to: 'jpy', now: at('2026-12-05'), maxAgeDays: 7 });
    expect(quote).toEqual({ rate: '149.45179584121', date: '2026-12-04' });
    // $10.00 → ¥1495 (1494.5179…)
    expect(convertAmount(1000, 'usd', 'jpy', quote?.rate ?? '')).toBe(1495);
    expect(await exchangeRate(db, { from: 'jpy', to: 'usd', now: at('2026-12-05'), maxAgeDays: 7 })).toEqual({
      rate: '0.0066911206678472',
      date: '2026-12-04',
    });
    // On the 2nd, the 4th's and the 20th's quotes are not yet known.
    expect(await exchangeRate(db, { from: 'usd', to: 'jpy', now: at('2026-12-02'), maxAgeDays: 7 })).toEqual({
      rate: '149.289099526066',
      date: '2026-12-02',
    });
  });

  it('from and to the euro: the ECB quote itself, or its inverse', async () => {
    const { exchangeRate } = await fx();
    const now = at('2026-12-05');
    expect(await exchangeRate(db, { from: 'eur', to: 'jpy', now, maxAgeDays: 7 })).toEqual({ rate: '158.12', date: '2026-12-04' });
    expect(await exchangeRate(db, { from: 'usd', to: 'eur', now, maxAgeDays: 7 })).toEqual({
      rate: '0.945179584120983',
      date: '2026-12-04',
    });
    expect(await exchangeRate(db, { from: 'eur', to: 'eur', now, maxAgeDays: 0 })).toEqual({ rate: '1', date: '2026-12-05' });
    expect(await exchangeRate(db, { from: 'usd', to: 'usd', now, maxAgeDays: 0 })).toEqual({ rate: '1', date: '2026-12-05' });
  });

  it('the date is the older quote’s, and the age is counted from it', async () => {
    const { exchangeRate } = await fx();
    // gbp was last quoted on the 1st, usd on the 4th.
    expect(await exchangeRate(db, { from: 'gbp', to: 'usd', now: at('2026-12-05'), maxAgeDays: 4 })).toEqual({
      rate: '1.21609195402299',
      date: '2026-12-01',
    });
    expect(await exchangeRate(db, { from: 'gbp', to: 'usd', now: at('2026-12-05'), maxAgeDays: 3 })).toBeNull();
  });

  it('stale rates answer null: the older quote is more than maxAgeDays days before now', async () => {
    const { exchangeRate } = await fx();
    const p = { from: 'usd', to: 'jpy', maxAgeDays: 3 };
    expect(await exchangeRate(db, { ...p, now: at('2026-12-07') })).not.toBeNull();
    expect(await exchangeRate(db, { ...p, now: new Date('2026-12-07T23:59:59Z') })).not.toBeNull();
    expect(await exchangeRate(db, { ...p, now: new Date('2026-12-08T00:00:00Z') })).toBeNull();
    expect(await exchangeRate(db, { ...p, maxAgeDays: 0, now: at('2026-12-04') })).toEqual({ rate: '149.45179584121', date: '2026-12-04' });
    expect(await exchangeRate(db, { from: 'eur', to: 'chf', now: at('2026-12-19'), maxAgeDays: 14 })).toBeNull();
  });

  it('a currency without a quote (none at all, or none yet on that day) answers null', async () => {
    const { exchangeRate } = await fx();
    expect(await exchangeRate(db, { from: 'usd', to: 'brl', now: at('2026-12-05'), maxAgeDays: 7 })).toBeNull();
    expect(await exchangeRate(db, { from: 'eur', to: 'brl', now: at('2026-12-05'), maxAgeDays: 7 })).toBeNull();
    expect(await exchangeRate(db, { from: 'chf', to: 'eur', now: at('2026-12-03'), maxAgeDays: 7 })).toBeNull();
  });

  it('refuses currencies that are not lowercase codes', async () => {
    const { exchangeRate } = await fx();
    await expect(exchangeRate(db, { from: 'USD', to: 'jpy', now: at('2026-12-05'), maxAgeDays: 7 })).rejects.toThrow(RangeError);
  });
});
