import { eq, sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '@/e2e/support/own-database';
import type { Db } from './client';
import { builtInserts, builtOnce } from './built-once';

// On this run's database (PGlite, or Postgres when DATABASE_URL is set): the two drivers' prepared queries differ.

const notes = pgTable('built_once_notes', {
  id: text().primaryKey(),
  body: jsonb().$type<Record<string, unknown>>(),
  size: integer().notNull().default(7),
});

const noteById = builtOnce((db) =>
  db
    .select()
    .from(notes)
    .where(eq(notes.id, sql.placeholder('id')))
    .prepare('note_by_id'),
);
const noteInserts = builtInserts(notes);

let db: Db;
let drop: () => Promise<void> = async () => {};
beforeAll(async () => {
  drop = await useOwnDatabase('caisse_built_once');
  db = await (await import('./client')).getDb();
  await db.execute(sql`create table built_once_notes (id text primary key, body jsonb, size integer not null default 7)`);
});
afterAll(() => drop());

/** The row as the database holds it, asked without a built statement. */
async function stored(id: string) {
  const rows = await db
    .select({ id: notes.id, bodyIsNull: sql<boolean>`${notes.body} is null`, size: notes.size })
    .from(notes)
    .where(eq(notes.id, id));
  return rows.at(0) ?? null;
}

describe('builtOnce', () => {
  it("runs inside a transaction as one of its statements: it sees the transaction's writes and is rolled back with it", async () => {
    // Built on the pool first, then used in a transaction: run on the pool's connection, the insert would stay and
    // the select would not see it (PGlite, with its one connection, would wait for the transaction forever).
    expect(await noteById(db).execute({ id: 'none' })).toEqual([]);
    await expect(
      db.transaction(async (tx) => {
        await noteInserts.rows(tx, [{ id: 'in_tx', body: { a: 1 } }]);
        expect(await noteById(tx).execute({ id: 'in_tx' })).toEqual([{ id: 'in_tx', body: { a: 1 }, size: 7 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await stored('in_tx')).toBeNull();
  });
});

describe('builtInserts', () => {
  it('fills each use with its own values, in any shape: a given column, a default, a null, several rows', async () => {
    const first = await noteInserts.returning(db, { id: 'a', body: { n: 1 }, size: 1 });
    const second = await noteInserts.returning(db, { id: 'b', body: { n: 2 }, size: 2 });
    expect([first, second]).toEqual([
      { id: 'a', body: { n: 1 }, size: 1 },
      { id: 'b', body: { n: 2 }, size: 2 },
    ]);
    // The column left out takes its default; the null is SQL's NULL, not the JSON null its encoder would make of it.
    expect(await noteInserts.returning(db, { id: 'c', body: null })).toEqual({ id: 'c', body: null, size: 7 });
    expect(await stored('c')).toEqual({ id: 'c', bodyIsNull: true, size: 7 });
    await noteInserts.rows(db, [
      { id: 'd', body: { n: 4 } },
      { id: 'e', body: { n: 5 }, size: 5 },
    ]);
    expect(await noteById(db).execute({ id: 'd' })).toEqual([{ id: 'd', body: { n: 4 }, size: 7 }]);
    expect(await noteById(db).execute({ id: 'e' })).toEqual([{ id: 'e', body: { n: 5 }, size: 5 }]);
  });

  it('refuses a table with a column drizzle computes on each insert, which a built statement would freeze', () => {
    const stamped = pgTable('stamped', { id: text().primaryKey(), at: text().$defaultFn(() => new Date().toISOString()) });
    expect(() => builtInserts(stamped)).toThrow(/at are filled in by drizzle/);
  });
});
