/**
 * A posted form as a plain object for a zod schema: one value per name (the first, as
 * FormData.get), files kept as File, and React's `$ACTION_…` fields left out. Anything
 * but FormData is returned as it is.
 */
export function formInput(input: unknown): unknown {
  if (!(input instanceof FormData)) return input;
  const values: Record<string, FormDataEntryValue> = {};
  for (const [name, value] of input.entries()) if (!name.startsWith('$') && !(name in values)) values[name] = value;
  return values;
}
