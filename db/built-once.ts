import type { Queryable } from './client';

/**
 * A query built once per database handle: `build` makes it with drizzle's `.prepare()` and `sql.placeholder()`s, and
 * each call then only fills in the placeholders. Building a query's SQL is most of what a short query costs this
 * process (drizzle tells every piece of it apart anew), so the statements every API request runs are built this way.
 * A transaction is a handle of its own: inside one, the query is built once per transaction, as an unprepared one is.
 */
export function builtOnce<Q>(build: (db: Queryable) => Q): (db: Queryable) => Q {
  const built = new WeakMap<Queryable, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
