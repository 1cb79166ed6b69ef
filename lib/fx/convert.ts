import { currencyExponent } from '@/lib/money/currencies';
import { parseDecimal, roundDiv } from '@/lib/money/decimal';

// Significant digits of a cross rate: well past the 10 a conversion of any Stripe amount needs to land on the right minor unit.
const CROSS_RATE_DIGITS = 15;

/**
 * How many units of `to` one unit of `from` buys, given each currency's euro rate as the ECB quotes it (units per
 * euro): `perEuroTo / perEuroFrom`, exact decimal strings in and out. The result keeps 15 significant digits,
 * rounded half away from zero (lib/money/decimal.ts), trailing zeros dropped: "1.0580" per euro for USD and
 * "158.12" for JPY make USD→JPY "149.45179584121".
 */
export function crossRate(perEuroFrom: string, perEuroTo: string): string {
  const from = parseDecimal(perEuroFrom);
  const to = parseDecimal(perEuroTo);
  if (from.num === 0n) throw new RangeError('crossRate: a zero rate');
  const num = to.num * from.den;
  const den = to.den * from.num;
  // Scale so the quotient has CROSS_RATE_DIGITS digits before rounding: num/den is below 10^(len(num) - len(den) + 1)
  // and at least a tenth of that, so the first guess is one too many at most.
  let scale = Math.max(0, CROSS_RATE_DIGITS - String(num).length + String(den).length);
  if (scale > 0 && (num * 10n ** BigInt(scale)) / den >= 10n ** BigInt(CROSS_RATE_DIGITS)) scale -= 1;
  const scaled = roundDiv(num * 10n ** BigInt(scale), den);
  return decimalString(scaled, scale);
}

/** `value / 10^scale` written out, without trailing zeros ("149.4517958412", "0.00005882", "2"). */
function decimalString(value: bigint, scale: number): string {
  const digits = String(value).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * `amount` minor units of `fromCurrency` in minor units of `toCurrency`, at `rate` units of `toCurrency` per unit of
 * `fromCurrency` (an exact decimal string, as `exchangeRate` gives it). Each currency's own decimals count (jpy has
 * none, kwd three: lib/money/currencies.ts), and the exact product is rounded once, half away from zero:
 * 10000 eur cents at "158.12" are 15812 jpy. Throws a RangeError on an amount or result that is not a safe integer.
 */
export function convertAmount(amount: number, fromCurrency: string, toCurrency: string, rate: string): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`convertAmount: ${amount} is not an integer amount of minor units`);
  const r = parseDecimal(rate);
  const fromUnit = 10n ** BigInt(currencyExponent(fromCurrency));
  const toUnit = 10n ** BigInt(currencyExponent(toCurrency));
  const converted = roundDiv(BigInt(amount) * r.num * toUnit, r.den * fromUnit);
  const result = Number(converted);
  if (!Number.isSafeInteger(result)) throw new RangeError(`convertAmount: ${converted} ${toCurrency} is out of range`);
  return result;
}

/**
 * Parts of one amount (signed minor units of `fromCurrency`) converted so that they add up to `target`, by default
 * the converted sum (what convertAmount gives for it): each part is its exact converted value rounded down, and the
 * units left go to the parts with the largest remainders, earlier parts first on a tie (the largest remainder method).
 * So a page's lines add up to its subtotal, and its rows to its total, in the customer's currency. `target` must lie
 * within the floors' sum and that sum plus the number of parts (it does when it is the sum of converted parts).
 */
export function convertParts(parts: readonly number[], fromCurrency: string, toCurrency: string, rate: string, target?: number): number[] {
  for (const part of parts) if (!Number.isSafeInteger(part)) throw new RangeError(`convertParts: ${part} is not an integer amount`);
  const r = parseDecimal(rate);
  const num = r.num * 10n ** BigInt(currencyExponent(toCurrency));
  const den = r.den * 10n ** BigInt(currencyExponent(fromCurrency));
  const exact = parts.map((p) => BigInt(p) * num);
  const floors = exact.map((e) => floorDiv(e, den));
  const wanted =
    target === undefined
      ? roundDiv(
          exact.reduce((a, b) => a + b, 0n),
          den,
        )
      : BigInt(target);
  const left = Number(wanted - floors.reduce((a, b) => a + b, 0n));
  if (left < 0 || left > parts.length) throw new RangeError(`convertParts: ${wanted} cannot be shared among these parts`);
  const byRemainder = exact
    .map((e, i) => ({ i, remainder: e - floors[i] * den }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  const result = floors.map(Number);
  for (const { i } of byRemainder.slice(0, left)) result[i] += 1;
  return result;
}

function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n !== d < 0n ? q - 1n : q;
}
