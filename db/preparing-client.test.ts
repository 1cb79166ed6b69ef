import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { preparingClient } from './preparing-client';

// Prepared statements are a Postgres protocol matter: PGlite has no pool of connections to keep them on.
const url = process.env.DATABASE_URL;
const clients: postgres.Sql[] = [];

/** A one-connection pool, so that every query and the check below run on the same Postgres session. */
function connect(wrap: boolean) {
  const client = postgres(url ?? '', { max: 1, onnotice: () => {}, prepare: true });
  clients.push(client);
  return { client, db: drizzle(wrap ? preparingClient(client) : client) };
}

/** How many statements this connection holds prepared whose text names the marker. */
async function preparedWith(client: postgres.Sql, marker: string): Promise<number> {
  const rows =
    await client`select statement from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`;
  return rows.length;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end({ timeout: 1 })));
});

describe.skipIf(!url)('preparingClient', () => {
  it("drizzle's queries become prepared statements, kept once per connection, in transactions and savepoints too", async () => {
    const { client, db } = connect(true);
    for (let i = 0; i < 2; i++) {
      const [row] = await db.execute<{ n: number }>(sql`select ${i}::int + 1 as n, 'pool_marker' as m`);
      expect(row.n).toBe(i + 1);
    }
    expect(await preparedWith(client, 'pool_marker')).toBe(1);

    await db.transaction(async (tx) => {
      await tx.execute(sql`select ${1}::int as n, 'tx_marker' as m`);
      await tx.transaction(async (inner) => {
        await inner.execute(sql`select ${2}::int as n, 'savepoint_marker' as m`);
      });
    });
    expect(await preparedWith(client, 'tx_marker')).toBe(1);
    expect(await preparedWith(client, 'savepoint_marker')).toBe(1);
  });

  it('without it, drizzle leaves every query unprepared (what it fixes)', async () => {
    const { client, db } = connect(false);
    await db.execute(sql`select ${1}::int as n, 'bare_marker' as m`);
    expect(await preparedWith(client, 'bare_marker')).toBe(0);
  });
});
