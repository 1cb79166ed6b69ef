import { date, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Euro foreign exchange reference rates, as the European Central Bank publishes them (lib/fx/): one row per
 * currency and reference date. `rate` is how many units of `currency` one euro buys, kept as the exact decimal
 * string the ECB quotes ("158.12"); the euro itself is the base, rate 1, and has no row. Filled from the shipped
 * snapshot on an empty table at start-up and by `npm run fx:import`. Not an account's: every merchant reads the same.
 */
export const fxRates = pgTable(
  'fx_rates',
  {
    // Lowercase ISO 4217 ('jpy').
    currency: text().notNull(),
    // The ECB's reference date, 'YYYY-MM-DD'.
    date: date({ mode: 'string' }).notNull(),
    rate: text().notNull(),
    // Where the row came from: 'ecb-snapshot' (shipped) or the name of the file imported.
    source: text().notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.date] })],
);
