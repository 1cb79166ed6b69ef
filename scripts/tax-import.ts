// npm run tax:import -- rates.csv: merges an operator's tax rates into lib/tax/data/tax-rates.json (see lib/tax/import-rates.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importRates } from '../lib/tax/import-rates';
import { taxRateTableSchema } from '../lib/tax/rate-table';

const input = process.argv[2];
if (!input) {
  console.error('usage: npm run tax:import -- <rates.csv>');
  process.exit(1);
}
const file = path.resolve(__dirname, '..', 'lib', 'tax', 'data', 'tax-rates.json');
const table = taxRateTableSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
try {
  const next = importRates(table, readFileSync(input, 'utf8'), new Date().toISOString().slice(0, 10));
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`${next.rates.length} rates in ${file} (version ${next.version}); rebuild to ship them`);
} catch (err) {
  console.error(`${input}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
