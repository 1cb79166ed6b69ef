import type { Decimal } from '../money/decimal';

/**
 * Validated, bigint-based mirror of the public input and output shapes. The
 * engine computes only with these so that no step can overflow or round
 * implicitly; conversion back to `number` happens once, in to-pricing-result.ts.
 */

export type ExactTaxRate = { id: string; percent: Decimal; inclusive: boolean };

export type ExactLine = {
  key: string;
  productId: string;
  unitAmount: Decimal;
  quantity: bigint;
  taxRates: ExactTaxRate[];
};

export type ExactDiscountRule = { kind: 'percent'; percent: Decimal } | { kind: 'amount'; amount: bigint };

export type ExactDiscount = {
  couponId: string;
  promotionCodeId: string | null;
  rule: ExactDiscountRule;
  appliesToProducts: ReadonlySet<string> | null;
};

export type ExactShipping = { amount: bigint; taxRates: ExactTaxRate[]; shares: { weightedBy: string[]; taxRates: ExactTaxRate[] }[] };

export type ExactInput = {
  maximum: bigint; // the largest amount the currency can be charged
  lines: ExactLine[];
  discounts: ExactDiscount[];
  shipping: ExactShipping | null;
};

export type ExactTax = { amount: bigint; rateId: string; inclusive: boolean; taxableAmount: bigint };

export type ExactDiscountAmount = { amount: bigint; couponId: string; promotionCodeId: string | null };

export type ExactLineTotals = {
  key: string;
  subtotal: bigint;
  discount: bigint;
  discounts: ExactDiscountAmount[];
  tax: bigint;
  exclusiveTax: bigint;
  taxes: ExactTax[];
};

export type ExactShippingTotals = { subtotal: bigint; tax: bigint; exclusiveTax: bigint; taxes: ExactTax[] };
