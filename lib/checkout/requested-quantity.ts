// Quantities above this are refused before any lookup: far above any item's maximum (Stripe's is 999,999).
const MAX_DIGITS = 7;

/**
 * The quantity a customer asks for on the hosted page: the number field, a
 * plain whole number, plus the step of the −/+ button pressed (-1 or 1, or
 * none). Null for anything else ("1e400", "-1", "NaN", "0x10", 2^60…), which the
 * page answers as out of range without touching the cart.
 */
export function requestedQuantity(field: unknown, step: unknown): number | null {
  if (typeof field !== 'string' || !new RegExp(`^\\s*\\d{1,${MAX_DIGITS}}\\s*$`).test(field)) return null;
  const by = step === null || step === undefined || step === '' ? 0 : step === '1' ? 1 : step === '-1' ? -1 : null;
  if (by === null) return null;
  const quantity = Number(field.trim()) + by;
  return quantity >= 0 ? quantity : null;
}
