import { boolean, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { objectColumns, ts } from './columns';
import type { Address } from './customers';

export type TaxSettingsBehavior = 'exclusive' | 'inclusive' | 'inferred_by_currency';

/**
 * Stripe's `tax.settings`: one row per account, written by the first update (a retrieve on an
 * account without one answers the defaults). Nothing can be unset once set, as with Stripe.
 */
export const taxSettings = pgTable('tax_settings', {
  accountId: text().primaryKey(),
  livemode: boolean().notNull().default(false),
  defaultTaxBehavior: text().$type<TaxSettingsBehavior>(),
  defaultTaxCode: text(),
  // head_office.address, every key present (null when not given); null until set.
  headOfficeAddress: jsonb().$type<Address | null>(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One country's entry of a registration's `country_options`, as the API shows it (`{ type: 'oss_union' }`). */
export type TaxRegistrationCountryOption = { type: string } & Record<string, unknown>;

/**
 * Stripe's `tax.registration`. `type` and `state` repeat what `country_options` says, for the
 * overlap check and the tax engine: `state` is the US state of a `state_sales_tax` registration
 * or the Canadian province of a `province_standard` one, else null. The status is not stored:
 * it follows from `active_from` and `expires_at` at the time of reading.
 */
export const taxRegistrations = pgTable(
  'tax_registrations',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    country: text().notNull(),
    type: text().notNull(),
    state: text(),
    countryOptions: jsonb().$type<TaxRegistrationCountryOption>().notNull(),
    activeFrom: ts().notNull(),
    expiresAt: ts(),
  },
  (t) => [
    index('tax_registrations_account_seq_idx').on(t.accountId, t.seq),
    index('tax_registrations_account_country_idx').on(t.accountId, t.country, t.type),
  ],
);
