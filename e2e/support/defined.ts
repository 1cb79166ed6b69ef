/**
 * Returns a value the test needs, or fails at once saying which one was missing: where `value!` would carry on with
 * undefined and fail later with "cannot read properties of undefined", this names the missing value.
 */
export function defined<T>(value: T, what: string): NonNullable<T> {
  if (value === undefined || value === null) throw new Error(`Expected ${what} to be there, got ${String(value)}`);
  return value;
}
