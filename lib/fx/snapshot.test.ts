import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '@/e2e/support/own-database';
import type { Db } from '@/db/client';

let db: Db;
let drop: () => Promise<void> = async () => {};
beforeAll(async () => {
  drop = await useOwnDatabase('caisse_fx_snapshot');
  db = await (await import('@/db/client')).getDb();
});
afterAll(() => drop());

describe('seedFxSnapshot', () => {
  it('loads the shipped snapshot into an empty table, once, and never over imported rates', async () => {
    const { seedFxSnapshot, FX_SNAPSHOT_SOURCE } = await import('./snapshot');
    const { exchangeRate, importFxRates, latestRates } = await import('./fx-rates');
    expect(await seedFxSnapshot(db)).toBe(29);
    const quotes = await latestRates(db, { now: new Date('2026-12-06T00:00:00Z') });
    expect(quotes).toHaveLength(29);
    expect(quotes.every((q) => q.date === '2026-12-04')).toBe(true);
    const { fxRates } = await import('@/db/schema');
    expect(new Set((await db.select({ source: fxRates.source }).from(fxRates)).map((r) => r.source))).toEqual(
      new Set([FX_SNAPSHOT_SOURCE]),
    );
    expect(await exchangeRate(db, { from: 'eur', to: 'jpy', now: new Date('2026-12-06T00:00:00Z'), maxAgeDays: 7 })).toMatchObject({
      date: '2026-12-04',
    });

    // Already seeded: nothing written, an operator's import stays.
    await importFxRates(db, [{ date: '2026-12-04', currency: 'jpy', rate: '1.00' }], 'mine.csv');
    expect(await seedFxSnapshot(db)).toBe(0);
    expect(await latestRates(db, { now: new Date('2026-12-06T00:00:00Z'), currencies: ['jpy'] })).toEqual([
      { currency: 'jpy', date: '2026-12-04', rate: '1.00' },
    ]);
  });
});
