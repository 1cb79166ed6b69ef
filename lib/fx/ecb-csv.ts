import { parse } from 'csv-parse/sync';

/** One reference rate: on `date` ('YYYY-MM-DD'), one euro buys `rate` units of `currency` (lowercase ISO 4217). */
export type EcbRate = { date: string; currency: string; rate: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// The daily file's "04 December 2026".
const LONG_DATE = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/;
const CURRENCY = /^[A-Za-z]{3}$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
// A day the ECB publishes nothing for that currency (the history file), or the trailing comma's empty column.
const NO_QUOTE = new Set(['', 'N/A']);

/**
 * Reads the European Central Bank's euro foreign exchange reference rates in either of the layouts it publishes:
 * the daily file (`eurofxref.csv`: `Date, USD, JPY, …, ` then one row `04 December 2026, 1.0580, 158.12, …, `) and
 * the history file (`eurofxref-hist.csv`: `Date,USD,JPY,…,` then a row per day `2026-12-04,1.0580,158.12,…,`, `N/A`
 * where a currency was not quoted). The rates stay the exact decimal strings the ECB wrote; `N/A` and empty cells
 * are skipped. The euro is the base (rate 1) and is never a row.
 *
 * Throws an Error naming the line and column for a file without a Date column, a date that is not one, a rate that
 * is not a positive decimal, a currency heading that is not three letters, or a date or currency given twice.
 */
export function parseEcbCsv(text: string): EcbRate[] {
  const lines: number[] = [];
  const records = parse(text, {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    on_record: (record, context) => {
      lines.push(context.lines);
      return record;
    },
  });
  const header = records.at(0);
  if (header === undefined) throw new Error('line 1: the file is empty, expected a header starting with Date');
  const headerLine = lines[0];
  const dateColumn = header.findIndex((h) => h.toLowerCase() === 'date');
  if (dateColumn < 0) throw new Error(`line ${headerLine}: no Date column in the header`);

  // Column index → lowercase currency; columns with an empty heading (the trailing comma) must stay empty.
  const currencies = new Map<number, string>();
  header.forEach((heading, column) => {
    if (column === dateColumn || heading === '') return;
    const where = `line ${headerLine}, column ${column + 1}`;
    if (!CURRENCY.test(heading)) throw new Error(`${where}: ${JSON.stringify(heading)} is not a three-letter currency code`);
    const currency = heading.toLowerCase();
    if ([...currencies.values()].includes(currency)) throw new Error(`${where}: ${heading} appears twice in the header`);
    currencies.set(column, currency);
  });

  const rates: EcbRate[] = [];
  const seenDates = new Map<string, number>();
  records.slice(1).forEach((record, i) => {
    const line = lines[i + 1];
    const dateCell = record.at(dateColumn) ?? '';
    const date = parseDate(dateCell);
    if (date === null)
      throw new Error(`line ${line}, column Date: ${JSON.stringify(dateCell)} is not a date (YYYY-MM-DD or 04 December 2026)`);
    const earlier = seenDates.get(date);
    if (earlier !== undefined) throw new Error(`line ${line}, column Date: ${date} is already on line ${earlier}`);
    seenDates.set(date, line);
    record.forEach((cell, column) => {
      if (column === dateColumn || NO_QUOTE.has(cell)) return;
      const currency = currencies.get(column);
      if (currency === undefined) throw new Error(`line ${line}, column ${column + 1}: ${JSON.stringify(cell)} under no currency heading`);
      if (!DECIMAL.test(cell) || !/[1-9]/.test(cell))
        throw new Error(`line ${line}, column ${currency.toUpperCase()}: ${JSON.stringify(cell)} is not a positive decimal rate`);
      rates.push({ date, currency, rate: cell });
    });
  });
  return rates;
}

/** 'YYYY-MM-DD' for an ISO date or the daily file's "04 December 2026", if it names a real day; else null. */
function parseDate(cell: string): string | null {
  let year: number, month: number, day: number;
  const iso = ISO_DATE.exec(cell);
  const long = LONG_DATE.exec(cell);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (long) {
    [year, month, day] = [Number(long[3]), MONTHS.indexOf(long[2].toLowerCase()) + 1, Number(long[1])];
  } else {
    return null;
  }
  const at = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return at.toISOString().slice(0, 10);
}
