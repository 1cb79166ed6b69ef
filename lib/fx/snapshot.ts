import type { Db } from '@/db/client';
import { hasFxRates } from '@/db/queries/fx-rates';
import { ECB_SNAPSHOT_CSV } from './data/ecb-snapshot';
import { parseEcbCsv } from './ecb-csv';
import { importFxRates } from './fx-rates';

/**
 * The ECB reference rates Caisse ships: one day's (4 December 2026) for the ~30 currencies the ECB quotes, in the
 * daily file's layout. A snapshot, not live rates: it only lets a fresh installation show local prices at all, and
 * it goes stale (`exchangeRate`'s `maxAgeDays`) unless the operator imports the ECB's current file with
 * `npm run fx:import`. Kept as a module (data/ecb-snapshot.ts), which the server bundle carries.
 */
export const FX_SNAPSHOT_SOURCE = 'ecb-snapshot';

/**
 * Loads the shipped snapshot when `fx_rates` is empty (a fresh database) and answers how many rates it wrote; on
 * a table with any row it costs one query and writes nothing, so imported rates are never overwritten. Two
 * processes starting at once both write the same rows, harmlessly (upsert).
 */
export async function seedFxSnapshot(db: Db): Promise<number> {
  if (await hasFxRates(db)) return 0;
  return importFxRates(db, parseEcbCsv(ECB_SNAPSHOT_CSV), FX_SNAPSHOT_SOURCE);
}
