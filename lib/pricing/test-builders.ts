// Test support only: terse builders so each example states just what it is about.
import type { DiscountInput, LineInput, PricingInput, ShippingInput, TaxRateInput } from './types';

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
): PricingInput => ({ lines, discounts, shipping: shippingInput });
