/**
 * Splits `total` into integer parts proportional to `weights` using the
 * largest-remainder (Hamilton) method, so the parts always sum to exactly
 * `total` — rounding each share independently could gain or lose a unit.
 *
 * Each part is floor(total × w / Σw); the units still missing go one each to
 * the largest fractional remainders, ties to the earlier index so results are
 * deterministic. When total ≤ Σw no part exceeds its own weight.
 */
export function allocateLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new RangeError(`Cannot allocate a negative total (${total})`);
  if (weights.some((w) => w < 0n)) throw new RangeError('Allocation weights must not be negative');
  const weightSum = weights.reduce((sum, w) => sum + w, 0n);
  if (weightSum === 0n) {
    if (total === 0n) return weights.map(() => 0n);
    throw new RangeError(`Cannot allocate ${total} over weights that sum to zero`);
  }

  const parts = weights.map((w) => (total * w) / weightSum);
  let missing = total - parts.reduce((sum, p) => sum + p, 0n);
  const byRemainder = weights
    .map((w, index) => ({ index, remainder: (total * w) % weightSum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (missing === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    missing -= 1n;
  }
  return parts;
}
