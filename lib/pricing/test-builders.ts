// Test support only: terse builders so each example states just what it is about.
import type { DiscountInput, LineInput, PricingInput, PricingResult, ShippingInput, TaxRateInput } from './types';

export const rate = (id: string, percentage: string, inclusive = false): TaxRateInput => ({ id, percentage, inclusive });

export const line = (key: string, unitAmount: number, overrides: Partial<LineInput> = {}): LineInput => ({
  key,
  productId: 'prod_a',
  unitAmount,
  unitAmountDecimal: null,
  quantity: 1,
  taxRates: [],
  ...overrides,
});

export const percentOff = (couponId: string, percent: string, overrides: Partial<DiscountInput> = {}): DiscountInput => ({
  couponId,
  promotionCodeId: null,
  percentOff: percent,
  amountOff: null,
  appliesToProducts: null,
  ...overrides,
});

export const amountOff = (couponId: string, amount: number, overrides: Partial<DiscountInput> = {}): DiscountInput => ({
  couponId,
  promotionCodeId: null,
  percentOff: null,
  amountOff: amount,
  appliesToProducts: null,
  ...overrides,
});

export const shipping = (amount: number, overrides: Partial<ShippingInput> = {}): ShippingInput => ({
  shippingRateId: 'shr_standard',
  amount,
  taxBehavior: 'exclusive',
  taxRates: [],
  ...overrides,
});

export const cart = (
  lines: LineInput[],
  discounts: DiscountInput[] = [],
  shippingInput: ShippingInput | null = null,
  currency = 'usd',
): PricingInput => ({ currency, lines, discounts, shipping: shippingInput });

/** Every amount a result holds, at every level: what the invariants and the limit are checked on. */
export const allAmounts = (r: PricingResult): number[] => [
  r.amountSubtotal,
  r.amountDiscount,
  r.amountShipping,
  r.amountTax,
  r.amountTotal,
  ...r.lines.flatMap((l) => [l.amountSubtotal, l.amountDiscount, l.amountTax, l.amountTotal, ...l.discounts.map((d) => d.amount)]),
  ...[...r.lines.flatMap((l) => l.taxes), ...(r.shipping?.taxes ?? [])].flatMap((t) => [t.amount, t.taxableAmount]),
  ...(r.shipping === null ? [] : [r.shipping.amountSubtotal, r.shipping.amountTax, r.shipping.amountTotal]),
  ...r.breakdown.discounts.map((d) => d.amount),
  ...r.breakdown.taxes.flatMap((t) => [t.amount, t.taxableAmount]),
];
