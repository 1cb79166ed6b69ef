/**
 * Exact decimal arithmetic for money.
 *
 * ROUNDING POLICY — the single place it is defined for Caisse: whenever an
 * exact amount falls between two minor units it is rounded HALF AWAY FROM
 * ZERO (0.5 → 1, 2.5 → 3, -0.5 → -1). This matches how Stripe rounds computed
 * amounts, so totals agree to the minor unit with Stripe-built integrations.
 * Every rounding in the pricing engine goes through `roundDiv`.
 */

/** An exact non-negative rational; `den` is a power of ten when it comes from `parseDecimal`. */
export type Decimal = { num: bigint; den: bigint };

// Unsigned on purpose: every decimal we accept (percentages, unit_amount_decimal)
// is non-negative in Stripe's API, so a sign here is always a caller bug.
const DECIMAL_PATTERN = /^(\d+)(?:\.(\d+))?$/;

/** Parses "12", "12.5", "0.001" exactly; throws RangeError on anything else (signs, exponents, spaces, ".5", non-strings from jsonb). */
export function parseDecimal(s: unknown): Decimal {
  const match = typeof s === 'string' ? DECIMAL_PATTERN.exec(s) : null;
  if (match === null) {
    throw new RangeError(`Invalid decimal string: ${JSON.stringify(String(s).slice(0, 40))}`);
  }
  const whole = match[1];
  const fraction = match.at(2) ?? '';
  return { num: BigInt(whole + fraction), den: 10n ** BigInt(fraction.length) };
}

/** num / den rounded half away from zero (see the policy above). */
export function roundDiv(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new RangeError('roundDiv: division by zero');
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const quotient = n / d;
  const rounded = 2n * (n % d) >= d ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}
