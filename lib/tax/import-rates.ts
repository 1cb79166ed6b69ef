import { parse } from 'csv-parse/sync';
import { taxRateRowSchema, taxRateTableSchema, type TaxRateRow } from './rate-table';

type Table = { version: string; note: string; rates: TaxRateRow[] };

const COLUMNS = ['country', 'state', 'tax', 'category', 'percentage', 'from', 'to', 'source', 'reason'] as const;

/**
 * Merges an operator's CSV into the rate table: a header row naming the
 * columns (`country,state,tax,category,percentage,from,to,source`, and
 * optionally `reason`), then one rate per row. A row with the same country,
 * state, tax, category and start date replaces the shipped one; others are
 * added. Every row is checked; the first bad one stops the import with its line.
 */
export function importRates(table: Table, csv: string, version: string): Table {
  const records = parse<Record<string, string | undefined>>(csv, { columns: true, skip_empty_lines: true, trim: true });
  const incoming = records.map((record, i) => {
    const unknown = Object.keys(record).filter((k) => !(COLUMNS as readonly string[]).includes(k));
    if (unknown.length) throw new Error(`line ${i + 2}: unknown column ${unknown.join(', ')}`);
    const row = {
      country: record.country?.toUpperCase(),
      state: record.state ? record.state.toUpperCase() : null,
      tax: record.tax,
      category: record.category,
      percentage: record.percentage,
      from: record.from,
      to: record.to || null,
      source: record.source,
      ...(record.reason ? { reason: record.reason } : {}),
    };
    const parsed = taxRateRowSchema.safeParse(row);
    if (!parsed.success)
      throw new Error(`line ${i + 2}: ${parsed.error.issues.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ')}`);
    if (parsed.data.to !== null && parsed.data.to < parsed.data.from) throw new Error(`line ${i + 2}: "to" is before "from"`);
    return parsed.data;
  });
  const key = (r: TaxRateRow) => [r.country, r.state ?? '', r.tax, r.category, r.from].join('/');
  const merged = new Map(table.rates.map((r) => [key(r), r]));
  for (const row of incoming) merged.set(key(row), row);
  const rates = [...merged.values()].sort((a, b) => key(a).localeCompare(key(b)));
  return taxRateTableSchema.parse({ ...table, version, rates });
}
