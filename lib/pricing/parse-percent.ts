import { parseDecimal, type Decimal } from '../money/decimal';

/** Parses an exact percentage in [0, 100]; the RangeError names the offending field. */
export function parsePercent(value: string, what: string): Decimal {
  let percent: Decimal;
  try {
    percent = parseDecimal(value);
  } catch {
    throw new RangeError(`${what} must be a decimal string like "12.5", got ${JSON.stringify(value)}`);
  }
  if (percent.num > 100n * percent.den) {
    throw new RangeError(`${what} must be at most 100, got ${value}`);
  }
  return percent;
}
