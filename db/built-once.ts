import { getTableColumns, getTableName, sql, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from './client';

/** What a drizzle handle (the pool's or a transaction's) runs its statements on: its session's driver client. */
type WithSession = { _: { session: { client: unknown } } };

/**
 * A query built once: `build` makes it with drizzle's `.prepare()` and `sql.placeholder()`s, and each call only fills
 * in the placeholders. Building a query's SQL is most of what a short query costs this process (drizzle tells every
 * piece of it apart anew), so the statements the API runs on every request are built this way.
 *
 * The query is built once per kind of session (postgres.js or PGlite) and bound to the handle it runs on by giving a
 * copy of it that handle's client: a transaction's client, inside a transaction, so the statement is one of the
 * transaction's (db/built-once.test.ts) while its SQL is built once for the process.
 */
export function builtOnce<Q extends object>(build: (db: Queryable) => Q): (db: Queryable) => Q {
  const built = new WeakMap<object, Q>();
  return (db) => {
    const session = (db as unknown as WithSession)._.session;
    let query = built.get(session.constructor);
    if (!query) {
      query = build(db);
      // A drizzle whose prepared queries hold their client elsewhere would run them on the first handle's client.
      if (!Object.prototype.hasOwnProperty.call(query, 'client'))
        throw new Error("builtOnce: drizzle's prepared query no longer holds its client as `client`");
      built.set(session.constructor, query);
    }
    return Object.create(query, { client: { value: session.client } }) as Q;
  };
}

type Prepared<R> = { execute: (values: Record<string, unknown>) => Promise<R> };

// The shapes kept per table: the code inserts in a handful of shapes, a line-item insert in one per count of lines.
const MAX_SHAPES = 256;

/**
 * Inserts into `table` through statements built once per shape (which columns each row gives, how many rows), as
 * builtOnce builds its queries: the rows' values become the placeholders' values, through each column's encoder.
 * Refuses a table with a column drizzle fills in itself (`$defaultFn`, `$onUpdateFn`): a built statement would keep
 * the value of its first use.
 */
export function builtInserts<T extends PgTable>(table: T) {
  const generated = Object.entries(getTableColumns(table)).filter(([, c]) => c.defaultFn !== undefined || c.onUpdateFn !== undefined);
  if (generated.length) throw new Error(`builtInserts: ${generated.map(([k]) => k).join(', ')} are filled in by drizzle on each insert`);

  type Row = InferInsertModel<T>;
  const shapes = new Map<string, (db: Queryable) => Prepared<unknown>>();

  function statement(rows: Row[], returning: boolean) {
    // A null is part of the shape, written into the statement: drizzle would hand a null placeholder value to the
    // column's encoder (a json column would store the JSON null), where a null value it writes as SQL NULL.
    const given = rows.map((row) => Object.entries(row).filter(([, v]) => v !== undefined));
    const shape = `${returning ? 'returning' : 'rows'}:${given.map((cols) => cols.map(([k, v]) => (v === null ? `${k}=null` : k)).join(',')).join('|')}`;
    let query = shapes.get(shape);
    if (!query) {
      if (shapes.size >= MAX_SHAPES) shapes.clear();
      query = builtOnce((db) => {
        const values = given.map((cols, i) =>
          Object.fromEntries(cols.map(([k, v]) => [k, v === null ? null : sql.placeholder(`${i}:${k}`)])),
        );
        const insert = db.insert(table).values(values as Row[]);
        return (returning ? insert.returning() : insert).prepare(`${getTableName(table)}_insert`);
      });
      shapes.set(shape, query);
    }
    const values: Record<string, unknown> = {};
    given.forEach((cols, i) => {
      for (const [k, v] of cols) if (v !== null) values[`${i}:${k}`] = v;
    });
    return { query, values };
  }

  return {
    /** Inserts the rows. */
    async rows(db: Queryable, rows: Row[]): Promise<void> {
      if (!rows.length) return;
      const { query, values } = statement(rows, false);
      await query(db).execute(values);
    },
    /** Inserts one row and returns it as stored. */
    async returning(db: Queryable, row: Row): Promise<InferSelectModel<T>> {
      const { query, values } = statement([row], true);
      const [stored] = (await query(db).execute(values)) as InferSelectModel<T>[];
      return stored;
    },
  };
}
