/**
 * A value the caller's earlier checks guarantee is there (a paying session's currency, the
 * column a row's state implies…), with an Error naming it if that ever stops holding, rather
 * than a null travelling on into amounts and events.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
