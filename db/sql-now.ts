import { sql, type SQL } from 'drizzle-orm';

/** `now` as SQL: the injected instant, else the database's now(), one clock for every app process on the database. */
export function sqlNow(now?: Date): SQL {
  return now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
}
