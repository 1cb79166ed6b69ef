import { parseDecimal, type Decimal } from '../money/decimal';
import { maxChargeAmount } from '../money/limits';
import { parseMinorUnits } from '../money/minor-units';
import type { ExactDiscount, ExactInput, ExactLine, ExactShipping, ExactTaxRate } from './exact-types';
import { parsePercent } from './parse-percent';
import type { DiscountInput, LineInput, PricingInput, ShippingInput, TaxRateInput } from './types';

/**
 * Validates the whole input up front and lifts it to exact bigint form, so the
 * computation never sees a half-valid cart. Every rejection is a RangeError
 * whose message names the field (lines[2].quantity, discounts[0].percentOff…).
 */
export function parsePricingInput(input: PricingInput): ExactInput {
  const keys = new Set<string>();
  const lines = input.lines.map((line, i) => {
    // Results are matched back to lines by key, so a duplicate would be ambiguous.
    if (keys.has(line.key)) throw new RangeError(`lines[${i}].key ${JSON.stringify(line.key)} is duplicated`);
    keys.add(line.key);
    return parseLine(line, `lines[${i}]`);
  });
  return {
    maximum: BigInt(maxChargeAmount(input.currency)),
    lines,
    discounts: input.discounts.map((d, i) => parseDiscount(d, `discounts[${i}]`)),
    shipping: input.shipping === null ? null : parseShipping(input.shipping, 'shipping'),
  };
}

function parseLine(line: LineInput, path: string): ExactLine {
  if (typeof line.quantity !== 'number' || !Number.isSafeInteger(line.quantity) || line.quantity < 0) {
    throw new RangeError(`${path}.quantity must be an integer >= 0, got ${String(line.quantity)}`);
  }
  return {
    key: line.key,
    productId: line.productId,
    unitAmount: parseUnitAmount(line, path),
    quantity: BigInt(line.quantity),
    taxRates: parseTaxRates(line.taxRates, `${path}.taxRates`),
  };
}

function parseUnitAmount(line: LineInput, path: string): Decimal {
  if (line.unitAmount !== null) {
    return { num: parseMinorUnits(line.unitAmount, `${path}.unitAmount`), den: 1n };
  }
  if (line.unitAmountDecimal === null) {
    throw new RangeError(`${path} needs unitAmount or unitAmountDecimal`);
  }
  try {
    return parseDecimal(line.unitAmountDecimal);
  } catch {
    throw new RangeError(`${path}.unitAmountDecimal must be a non-negative decimal string, got ${JSON.stringify(line.unitAmountDecimal)}`);
  }
}

function parseTaxRates(rates: TaxRateInput[], path: string): ExactTaxRate[] {
  return rates.map((rate, i) => ({
    id: rate.id,
    percent: parsePercent(rate.percentage, `${path}[${i}].percentage`),
    inclusive: rate.inclusive,
  }));
}

function parseDiscount(discount: DiscountInput, path: string): ExactDiscount {
  const hasPercent = discount.percentOff !== null;
  const hasAmount = discount.amountOff !== null;
  if (hasPercent === hasAmount) {
    throw new RangeError(`${path} must set exactly one of percentOff and amountOff`);
  }
  const rule =
    discount.percentOff !== null
      ? { kind: 'percent' as const, percent: parsePercent(discount.percentOff, `${path}.percentOff`) }
      : { kind: 'amount' as const, amount: parseMinorUnits(discount.amountOff ?? Number.NaN, `${path}.amountOff`) };
  return {
    couponId: discount.couponId,
    promotionCodeId: discount.promotionCodeId,
    rule,
    appliesToProducts: discount.appliesToProducts === null ? null : new Set(discount.appliesToProducts),
  };
}

const TAX_BEHAVIORS: ReadonlySet<string> = new Set(['exclusive', 'inclusive', 'unspecified']);

function parseShipping(shipping: ShippingInput, path: string): ExactShipping {
  if (!TAX_BEHAVIORS.has(shipping.taxBehavior)) {
    throw new RangeError(`${path}.taxBehavior must be exclusive, inclusive or unspecified`);
  }
  return {
    amount: parseMinorUnits(shipping.amount, `${path}.amount`),
    taxRates: parseTaxRates(shipping.taxRates, `${path}.taxRates`),
    shares: (shipping.shares ?? []).map((share, i) => {
      if (share.weightedBy.length === 0) throw new RangeError(`${path}.shares[${i}].weightedBy must name at least one line`);
      return { weightedBy: share.weightedBy, taxRates: parseTaxRates(share.taxRates, `${path}.shares[${i}].taxRates`) };
    }),
  };
}
