/**
 * Boundary between the public `number` amounts and the engine's exact `bigint`
 * arithmetic. Amounts are converted once on the way in and once on the way out
 * so no intermediate product (amount × quantity × percentage) can lose precision.
 */

/** Validates a non-negative integer amount of minor units and lifts it to bigint. */
export function parseMinorUnits(value: number, what: string): bigint {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be an integer number of minor units, got ${String(value)}`);
  }
  if (value < 0) throw new RangeError(`${what} must not be negative, got ${value}`);
  return BigInt(value);
}

/** Converts an exact result back to number, refusing values a double cannot hold exactly. */
export function toMinorUnits(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${what} (${value}) exceeds the safe integer range`);
  }
  return Number(value);
}
