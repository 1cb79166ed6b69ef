import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { objectColumns } from './columns';

// A merchant may choose a product's id (Stripe's `id` parameter), so ids are unique per account only:
// one account can neither learn nor squat another's ids.
export const products = pgTable(
  'products',
  {
    id: text().notNull(),
    ...objectColumns(),
    active: boolean().notNull().default(true),
    name: text().notNull(),
    description: text(),
    images: jsonb().$type<string[]>().notNull().default([]),
    marketingFeatures: jsonb().$type<{ name: string }[]>().notNull().default([]),
    defaultPriceId: text(),
    shippable: boolean(),
    statementDescriptor: text(),
    taxCode: text(),
    unitLabel: text(),
    url: text(),
    packageDimensions: jsonb().$type<{ height: number; length: number; weight: number; width: number } | null>(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.id] }), index('products_account_seq_idx').on(t.accountId, t.seq)],
);

export const priceType = pgEnum('price_type', ['one_time', 'recurring']);
export const taxBehavior = pgEnum('tax_behavior', ['exclusive', 'inclusive', 'unspecified']);

export type Recurring = {
  interval: 'day' | 'week' | 'month' | 'year';
  interval_count: number;
  usage_type: 'licensed' | 'metered';
  meter: string | null;
  trial_period_days: number | null;
};

export type CurrencyOption = {
  unit_amount: number | null;
  unit_amount_decimal: string | null;
  tax_behavior: 'exclusive' | 'inclusive' | 'unspecified' | null;
  custom_unit_amount: null;
  tiers?: undefined;
};

export const prices = pgTable(
  'prices',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    productId: text().notNull(),
    active: boolean().notNull().default(true),
    currency: text().notNull(),
    // Whole minor units; unit_amount_decimal keeps sub-minor precision when given.
    unitAmount: bigint({ mode: 'number' }),
    unitAmountDecimal: text(),
    type: priceType().notNull(),
    recurring: jsonb().$type<Recurring | null>(),
    taxBehavior: taxBehavior().notNull().default('unspecified'),
    lookupKey: text(),
    nickname: text(),
    currencyOptions: jsonb().$type<Record<string, CurrencyOption>>(),
    customUnitAmount: jsonb().$type<{ maximum: number | null; minimum: number | null; preset: number | null } | null>(),
    // Prices made inline from price_data are not listed, as with Stripe.
    inline: boolean().notNull().default(false),
  },
  (t) => [
    index('prices_account_seq_idx').on(t.accountId, t.seq),
    index('prices_product_idx').on(t.accountId, t.productId),
    uniqueIndex('prices_lookup_key_uq')
      .on(t.accountId, t.lookupKey)
      .where(sql`${t.lookupKey} is not null`),
  ],
);

export const couponDuration = pgEnum('coupon_duration', ['forever', 'once', 'repeating']);

export const coupons = pgTable(
  'coupons',
  {
    id: text().notNull(),
    ...objectColumns(),
    name: text(),
    amountOff: bigint({ mode: 'number' }),
    // A percentage, not money: stored as the exact decimal string sent.
    percentOff: text(),
    currency: text(),
    currencyOptions: jsonb().$type<Record<string, { amount_off: number }>>(),
    duration: couponDuration().notNull().default('once'),
    durationInMonths: integer(),
    maxRedemptions: integer(),
    redeemBy: timestamp({ withTimezone: true }),
    timesRedeemed: integer().notNull().default(0),
    appliesToProducts: jsonb().$type<string[] | null>(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.id] }), index('coupons_account_seq_idx').on(t.accountId, t.seq)],
);

export type PromotionRestrictions = {
  first_time_transaction: boolean;
  minimum_amount: number | null;
  minimum_amount_currency: string | null;
  currency_options?: Record<string, { minimum_amount: number }>;
};

export const promotionCodes = pgTable(
  'promotion_codes',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    couponId: text().notNull(),
    code: text().notNull(),
    active: boolean().notNull().default(true),
    customerId: text(),
    expiresAt: timestamp({ withTimezone: true }),
    maxRedemptions: integer(),
    timesRedeemed: integer().notNull().default(0),
    restrictions: jsonb().$type<PromotionRestrictions>().notNull(),
  },
  (t) => [
    index('promotion_codes_account_seq_idx').on(t.accountId, t.seq),
    // Codes are case-insensitive and unique among an account's active codes.
    uniqueIndex('promotion_codes_active_code_uq')
      .on(t.accountId, sql`lower(${t.code})`)
      .where(sql`${t.active}`),
  ],
);

export const shippingRates = pgTable(
  'shipping_rates',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    active: boolean().notNull().default(true),
    displayName: text().notNull(),
    type: text().notNull().default('fixed_amount'),
    amount: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    currencyOptions: jsonb().$type<Record<string, { amount: number; tax_behavior: 'exclusive' | 'inclusive' | 'unspecified' }>>(),
    deliveryEstimate: jsonb().$type<{
      maximum: { unit: string; value: number } | null;
      minimum: { unit: string; value: number } | null;
    } | null>(),
    taxBehavior: taxBehavior().notNull().default('unspecified'),
    taxCode: text(),
    // Made inline from shipping_rate_data on a session.
    inline: boolean().notNull().default(false),
  },
  (t) => [index('shipping_rates_account_seq_idx').on(t.accountId, t.seq)],
);

export const taxRates = pgTable(
  'tax_rates',
  {
    id: text().primaryKey(),
    ...objectColumns(),
    active: boolean().notNull().default(true),
    displayName: text().notNull(),
    description: text(),
    // Exact decimal string, e.g. "8.875".
    percentage: text().notNull(),
    inclusive: boolean().notNull(),
    country: text(),
    state: text(),
    jurisdiction: text(),
    taxType: text(),
    // Automatic tax's rates (lib/tax): made by Caisse, one per distinct rate, found again by this key; never listed.
    automaticKey: text(),
    jurisdictionLevel: text().$type<'country' | 'state'>(),
    taxabilityReason: text(),
    // An automatic rate's statutory percentage (the API's `percentage`) where `percentage`, the one applied (the
    // API's `effective_percentage`), is 0: not collecting there, reverse charge, exempt.
    statutoryPercentage: text(),
  },
  (t) => [
    index('tax_rates_account_seq_idx').on(t.accountId, t.seq),
    uniqueIndex('tax_rates_account_automatic_key_idx').on(t.accountId, t.automaticKey),
  ],
);
