// npm run fx:import -- eurofxref.csv: loads the ECB's reference rates (daily or history file) into the database (see lib/fx/).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { closeDb, getDb } from '../db/client';
import { latestFxDate } from '../db/queries/fx-rates';
import { migrate } from '../db/migrate';
import { parseEcbCsv } from '../lib/fx/ecb-csv';
import { importFxRates } from '../lib/fx/fx-rates';

async function main() {
  const input = process.argv[2];
  if (!input) {
    console.error('Usage: npm run fx:import -- <eurofxref.csv | eurofxref-hist.csv>');
    console.error('With PGlite, run it while the server is stopped (PGlite is single-process); with Postgres, any time.');
    process.exit(2);
  }
  let rates;
  try {
    rates = parseEcbCsv(readFileSync(input, 'utf8'));
  } catch (err) {
    console.error(`${input}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  await migrate();
  const db = await getDb();
  const count = await importFxRates(db, rates, path.basename(input));
  const fileLatest = rates.reduce((latest, r) => (r.date > latest ? r.date : latest), '');
  console.log(
    `${count} rates imported from ${input} (latest date ${fileLatest || 'none'}); latest in the database: ${(await latestFxDate(db)) ?? 'none'}`,
  );
  await closeDb();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
