// Test support only: random carts within the ranges the engine must handle.
import fc from 'fast-check';
import type { DiscountInput, LineInput, PricingInput, TaxRateInput } from './types';

export const PRODUCTS = ['prod_a', 'prod_b', 'prod_c'];

/** "0".."100" with up to three decimals, e.g. "8.875", "12.5", "100". */
export const percentString = fc.integer({ min: 0, max: 100_000 }).map((thousandths) => {
  const whole = Math.floor(thousandths / 1000);
  const fraction = String(thousandths % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
});

const TAX_RATE_IDS = ['txr_a', 'txr_b', 'txr_c', 'txr_d'] as const;

/** The account's tax rates: one percentage and one behaviour per id, as in the database. */
const taxRateTable = fc.tuple(
  ...TAX_RATE_IDS.map((id) => fc.record({ id: fc.constant(id), percentage: percentString, inclusive: fc.boolean() })),
);

/** A line's rates, as the API lets them be: each rate at most once (the API refuses a repeated id). */
const lineTaxRates = fc
  .subarray([0, 1, 2, 3], { maxLength: 3 })
  .chain((picked) => fc.shuffledSubarray(picked, { minLength: picked.length }));

/** Mostly everyday figures, sometimes huge ones, so that carts both fit the currency's limit and go over it. */
const mostlyUpTo = (everyday: number, huge: number) =>
  fc.oneof({ arbitrary: fc.integer({ min: 0, max: everyday }), weight: 39 }, { arbitrary: fc.integer({ min: 0, max: huge }), weight: 1 });

/** Currencies with each kind of exponent and each charge limit (8, 9, 10 and 12 digits). */
export const currency = fc.constantFrom('usd', 'eur', 'jpy', 'kwd', 'inr', 'cop', 'idr');

const unitPrice = fc.oneof(
  mostlyUpTo(100_000, 1_000_000_000_000).map((unitAmount) => ({ unitAmount, unitAmountDecimal: null })),
  fc
    .tuple(mostlyUpTo(100_000, 1_000_000_000_000), fc.stringMatching(/^\d{1,12}$/))
    .map(([whole, fraction]) => ({ unitAmount: null, unitAmountDecimal: `${whole}.${fraction}` })),
);

const lineShape = fc.record({
  productId: fc.constantFrom(...PRODUCTS),
  price: unitPrice,
  quantity: mostlyUpTo(20, 999_999),
  taxRates: lineTaxRates,
});

const discountShape = fc.record({
  rule: fc.oneof(
    percentString.map((percentOff) => ({ percentOff, amountOff: null })),
    fc.integer({ min: 0, max: 10_000_000_000 }).map((amountOff) => ({ percentOff: null, amountOff })),
  ),
  promotionCodeId: fc.option(fc.constant('promo_x')),
  appliesToProducts: fc.option(fc.subarray(PRODUCTS)),
});

const shippingShape = fc.record({
  shippingRateId: fc.constant('shr_1'),
  amount: mostlyUpTo(100_000, 1_000_000_000_000),
  taxBehavior: fc.constantFrom('exclusive', 'inclusive', 'unspecified'),
  taxRates: lineTaxRates,
  // Split among the goods' rates (automatic tax): each share weighted by some lines (an index past the last line names none).
  shares: fc.option(
    fc.array(fc.record({ weightedBy: fc.uniqueArray(fc.nat(21), { minLength: 1, maxLength: 4 }), taxRates: lineTaxRates }), {
      minLength: 1,
      maxLength: 3,
    }),
    { freq: 3 },
  ),
});

export const pricingInput: fc.Arbitrary<PricingInput> = fc
  .record({
    currency,
    rates: taxRateTable,
    lines: fc.array(lineShape, { minLength: 1, maxLength: 20 }),
    discounts: fc.array(discountShape, { maxLength: 2 }),
    shipping: fc.option(shippingShape),
  })
  .map(({ currency, rates, lines, discounts, shipping }) => ({
    currency,
    lines: lines.map(({ productId, price, quantity, taxRates }, i): LineInput => ({
      key: `li_${i}`,
      productId,
      ...price,
      quantity,
      taxRates: taxRates.map((r): TaxRateInput => rates[r]),
    })),
    discounts: discounts.map(({ rule, promotionCodeId, appliesToProducts }, i): DiscountInput => ({
      couponId: `co_${i}`,
      promotionCodeId,
      ...rule,
      appliesToProducts,
    })),
    shipping: shipping && {
      ...shipping,
      taxRates: shipping.taxRates.map((r): TaxRateInput => rates[r]),
      shares: (shipping.shares ?? []).map((share) => ({
        weightedBy: share.weightedBy.map((i) => `li_${i}`),
        taxRates: share.taxRates.map((r): TaxRateInput => rates[r]),
      })),
    },
  }));
