/**
 * Public contract of the pricing engine. All amounts are integer minor units
 * of the session currency; percentages are exact decimal strings ("8.875").
 */

export type TaxRateInput = { id: string; percentage: string; inclusive: boolean };

export type LineInput = {
  key: string; // caller's id for the line, echoed back in LineResult
  productId: string;
  unitAmount: number | null;
  unitAmountDecimal: string | null; // used only when unitAmount is null, e.g. "12.5" minor units
  quantity: number; // integer >= 0
  taxRates: TaxRateInput[];
};

export type DiscountInput = {
  couponId: string;
  promotionCodeId: string | null;
  percentOff: string | null; // exactly one of percentOff / amountOff is set
  amountOff: number | null; // already converted to the session currency
  appliesToProducts: string[] | null; // null = all products
};

export type ShippingInput = {
  shippingRateId: string;
  amount: number;
  // Informational: which taxes apply, and whether each is inside the amount,
  // is decided by taxRates[].inclusive.
  taxBehavior: 'exclusive' | 'inclusive' | 'unspecified';
  taxRates: TaxRateInput[];
  /**
   * Shipping split among the goods' rates instead (automatic tax, goods of several rates): each share of the amount
   * is in proportion to the amounts, after discounts, of the lines `weightedBy` names (a key of no line weighs
   * nothing), and pays `taxRates`. The shares add up to the amount exactly. Empty or absent: the whole amount pays the
   * shipping's own taxRates.
   */
  shares?: { weightedBy: string[]; taxRates: TaxRateInput[] }[];
};

export type PricingInput = {
  currency: string; // lowercase ISO code: decides the largest amount the engine will produce
  lines: LineInput[];
  discounts: DiscountInput[]; // applied in order, each to what the previous ones left
  shipping: ShippingInput | null;
};

/** taxableAmount is the amount net of every tax, for inclusive and exclusive rates alike (Stripe's taxable_amount). */
export type TaxAmount = { amount: number; rateId: string; inclusive: boolean; taxableAmount: number };

export type DiscountAmount = { amount: number; couponId: string; promotionCodeId: string | null };

export type LineResult = {
  key: string;
  amountSubtotal: number; // unit × quantity rounded once per line; before discounts; includes inclusive tax
  amountDiscount: number;
  amountTax: number; // inclusive + exclusive tax on this line
  amountTotal: number; // amountSubtotal - amountDiscount + exclusive tax
  discounts: DiscountAmount[];
  taxes: TaxAmount[];
};

export type ShippingResult = {
  amountSubtotal: number;
  amountTax: number;
  amountTotal: number; // amountSubtotal + exclusive tax
  taxes: TaxAmount[];
};

export type PricingResult = {
  lines: LineResult[];
  amountSubtotal: number; // sum of line subtotals
  amountDiscount: number;
  amountShipping: number; // shipping before tax, as Stripe's total_details.amount_shipping
  amountTax: number; // lines + shipping, inclusive and exclusive
  amountTotal: number;
  shipping: ShippingResult | null;
  // Aggregated by coupon (+ promotion code) and by rate (rateId + inclusive), in first-seen order.
  breakdown: { discounts: DiscountAmount[]; taxes: TaxAmount[] };
};
