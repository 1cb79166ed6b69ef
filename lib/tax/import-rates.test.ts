import { describe, expect, it } from 'vitest';
import shipped from './data/tax-rates.json';
import { importRates } from './import-rates';
import { taxRateTableSchema } from './rate-table';

const table = taxRateTableSchema.parse(shipped);
const header = 'country,state,tax,category,percentage,from,to,source\n';

describe('importRates', () => {
  it('replaces a rate with the same start date and adds a new period beside the old', () => {
    const csv = `${header}de,,vat,standard,19,2024-01-01,2026-12-31,https://example.test/de\nDE,,vat,standard,21,2027-01-01,,https://example.test/de\n`;
    const next = importRates(table, csv, '2026-12-06');
    const german = next.rates.filter((r) => r.country === 'DE' && r.category === 'standard');
    expect(german.map((r) => [r.percentage, r.from, r.to])).toEqual([
      ['19', '2024-01-01', '2026-12-31'],
      ['21', '2027-01-01', null],
    ]);
    expect(next.version).toBe('2026-12-06');
    expect(next.rates).toHaveLength(table.rates.length + 1);
  });

  it('a new period imported without closing the shipped one applies from its start', () => {
    const next = importRates(table, `${header}DE,,vat,standard,21,2027-01-01,,https://example.test/de\n`, '2026-12-06');
    const open = next.rates.filter((r) => r.country === 'DE' && r.category === 'standard' && r.to === null);
    expect(open.map((r) => r.from)).toEqual(['2024-01-01', '2027-01-01']);
  });

  it('refuses a bad row, naming its line and field, and an unknown column', () => {
    expect(() => importRates(table, `${header}DE,,vat,standard,nineteen,2027-01-01,,src\n`, '2026-12-06')).toThrow(/line 2: percentage/);
    expect(() => importRates(table, `${header}DE,,vat,standard,19,2027-01-01,2026-01-01,src\n`, '2026-12-06')).toThrow(
      /line 2: "to" is before "from"/,
    );
    expect(() => importRates(table, `${header.trim()},rate\nDE,,vat,standard,19,2027-01-01,,src,1\n`, '2026-12-06')).toThrow(
      /unknown column rate/,
    );
    expect(() => importRates(table, `${header}DE,,vat,luxury,19,2027-01-01,,src\n`, '2026-12-06')).toThrow(/line 2: category/);
  });
});
