export const DAY_MS = 86_400_000;

/** Midnight UTC of the day `now` falls in: the dashboard's "today" is the UTC day. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Every UTC day from `first` for `n` days, as YYYY-MM-DD, so days without sales still show. */
export function utcDays(first: Date, n: number): string[] {
  return Array.from({ length: n }, (_, i) => new Date(first.getTime() + i * DAY_MS).toISOString().slice(0, 10));
}
