import { sql } from 'drizzle-orm';
import type { Queryable } from '../client';

/** The cheapest round trip the database answers: the health check's probe. */
export async function pingDatabase(db: Queryable): Promise<void> {
  await db.execute(sql`select 1`);
}
