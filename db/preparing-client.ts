import type { Sql, TransactionSql } from 'postgres';

type Unsafe = Sql['unsafe'];
type Scope = (tx: TransactionSql) => unknown;
type Opener = (...args: unknown[]) => Promise<unknown>;

/**
 * postgres.js prepares its tagged-template queries, but drizzle runs every query through `unsafe()` and asks for
 * preparation only for queries built with `.prepare(name)`. An unprepared query with parameters costs two round
 * trips each time (postgres.js describes it first to learn the parameters' types, then executes it) and a parse in
 * Postgres. This makes `unsafe()` prepare, on the pool and inside transactions and savepoints, so that a statement a
 * connection has seen costs one round trip. Drizzle builds each query's text from its shape, so the statements a
 * connection keeps are bounded by the code's query shapes; connections are recycled (postgres.js `max_lifetime`).
 */
export function preparingClient(sql: Sql): Sql {
  preparing(sql);
  sql.begin = preparingScopes(sql.begin.bind(sql) as Opener) as Sql['begin'];
  return sql;
}

function preparing(sql: Sql | TransactionSql) {
  const unsafe: Unsafe = sql.unsafe.bind(sql);
  sql.unsafe = (query, parameters, options) => unsafe(query, parameters, { ...options, prepare: true });
}

/** `begin` or `savepoint` (each takes its callback last), handing the callback a transaction that prepares too. */
function preparingScopes(open: Opener): Opener {
  return (...args: unknown[]) => {
    const scope = args.pop() as Scope;
    return open(...args, (tx: TransactionSql) => {
      preparing(tx);
      tx.savepoint = preparingScopes(tx.savepoint.bind(tx) as Opener) as TransactionSql['savepoint'];
      return scope(tx);
    });
  };
}
