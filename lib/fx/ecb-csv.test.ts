import { describe, expect, it } from 'vitest';
import { parseEcbCsv } from './ecb-csv';
import { ECB_SNAPSHOT_CSV } from './data/ecb-snapshot';

// The daily file (eurofxref.csv), as the ECB writes it: spaces after the commas, a trailing comma.
const DAILY = 'Date, USD, JPY, CZK, GBP, \n04 December 2026, 1.0580, 158.12, 24.215, 0.87420, \n';

// The history file (eurofxref-hist.csv): ISO dates, newest first, N/A for a currency not quoted that day.
const HISTORY = [
  'Date,USD,JPY,CYP,GBP,',
  '2026-12-04,1.0580,158.12,N/A,0.87420,',
  '2026-12-03,1.0575,157.90,N/A,0.87300,',
  '2007-12-31,1.4721,164.93,0.585274,0.73335,',
].join('\n');

describe('parseEcbCsv', () => {
  it('reads the daily layout: the long date, the rates as written, lowercase currencies', () => {
    expect(parseEcbCsv(DAILY)).toEqual([
      { date: '2026-12-04', currency: 'usd', rate: '1.0580' },
      { date: '2026-12-04', currency: 'jpy', rate: '158.12' },
      { date: '2026-12-04', currency: 'czk', rate: '24.215' },
      { date: '2026-12-04', currency: 'gbp', rate: '0.87420' },
    ]);
  });

  it('reads the history layout, skipping N/A', () => {
    const rates = parseEcbCsv(HISTORY);
    expect(rates).toHaveLength(10);
    expect(rates.filter((r) => r.currency === 'cyp')).toEqual([{ date: '2007-12-31', currency: 'cyp', rate: '0.585274' }]);
    expect(rates.slice(0, 3)).toEqual([
      { date: '2026-12-04', currency: 'usd', rate: '1.0580' },
      { date: '2026-12-04', currency: 'jpy', rate: '158.12' },
      { date: '2026-12-04', currency: 'gbp', rate: '0.87420' },
    ]);
  });

  it('skips empty cells and blank lines, takes a BOM, CRLF and a one-digit day, and adds no euro row', () => {
    const rates = parseEcbCsv('\uFEFFDate, USD, JPY\r\n\r\n4 December 2026, , 158.12\r\n');
    expect(rates).toEqual([{ date: '2026-12-04', currency: 'jpy', rate: '158.12' }]);
    expect(parseEcbCsv(HISTORY).some((r) => r.currency === 'eur')).toBe(false);
  });

  it('a header alone is no rate', () => {
    expect(parseEcbCsv('Date,USD,JPY,\n')).toEqual([]);
  });

  it('reads the shipped snapshot: one day, every currency the ECB quotes', () => {
    const rates = parseEcbCsv(ECB_SNAPSHOT_CSV);
    expect(new Set(rates.map((r) => r.date))).toEqual(new Set(['2026-12-04']));
    expect(rates.map((r) => r.currency)).toEqual(
      'usd jpy czk dkk gbp huf pln ron sek chf isk nok try aud brl cad cny hkd idr ils inr krw mxn myr nzd php sgd thb zar'.split(' '),
    );
  });

  describe('refusals name the line and the column', () => {
    it.each([
      ['an empty file', '', /line 1: the file is empty/],
      ['no Date column', 'Day,USD\n2026-12-04,1.05\n', /line 1: no Date column/],
      ['a currency of four letters', 'Date,USDX\n2026-12-04,1.05\n', /line 1, column 2: "USDX" is not a three-letter currency code/],
      ['a currency with a digit', 'Date,US1\n2026-12-04,1.05\n', /line 1, column 2: "US1"/],
      ['a currency twice', 'Date,USD,usd\n2026-12-04,1.05,1.06\n', /line 1, column 3: usd appears twice/],
      ['a date that is not one', 'Date,USD\n2026-12-04,1.05\nyesterday,1.06\n', /line 3, column Date: "yesterday" is not a date/],
      ['a date that does not exist', 'Date,USD\n2026-02-30,1.05\n', /line 2, column Date: "2026-02-30" is not a date/],
      ['a month that does not exist', 'Date, USD\n04 Decembre 2026, 1.05\n', /line 2, column Date: "04 Decembre 2026"/],
      ['an empty date', 'Date,USD\n,1.05\n', /line 2, column Date: "" is not a date/],
      ['a date twice', 'Date,USD\n2026-12-04,1.05\n2026-12-04,1.06\n', /line 3, column Date: 2026-12-04 is already on line 2/],
      ['a negative rate', 'Date,USD,JPY\n2026-12-04,1.05,-158.12\n', /line 2, column JPY: "-158.12" is not a positive decimal rate/],
      ['a zero rate', 'Date,USD\n2026-12-04,0.0000\n', /line 2, column USD: "0.0000" is not a positive decimal rate/],
      ['a decimal comma', 'Date,USD\n2026-12-04,"1,05"\n', /line 2, column USD: "1,05"/],
      ['an exponent', 'Date,USD\n2026-12-04,1e3\n', /line 2, column USD: "1e3"/],
      ['a rate under no heading', 'Date,USD,\n2026-12-04,1.05,1.06\n', /line 2, column 3: "1.06" under no currency heading/],
    ])('%s', (_name, csv, message) => {
      expect(() => parseEcbCsv(csv)).toThrow(message);
    });
  });
});
