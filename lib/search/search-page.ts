import { and, count, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { invalidRequest } from '@/lib/api/errors';
import { parseQuery } from './parse-query';
import { querySql } from './query-sql';
import { SEARCHABLE, type SearchableResource } from './searchable';

export type SearchParams = { query: string; limit?: number; page?: string; totalCount?: boolean };

type Searched<R extends SearchableResource> = (typeof SEARCHABLE)[R]['table']['$inferSelect'];

/** `next_page`: an opaque token for "older than this row", newest first like lists. */
export function encodePage(seq: number): string {
  return Buffer.from(JSON.stringify({ after: seq })).toString('base64url');
}

export function decodePage(token: string): number {
  let after: unknown;
  try {
    after = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown }).after;
  } catch {
    after = undefined;
  }
  if (!/^[A-Za-z0-9_-]+$/.test(token) || typeof after !== 'number' || !Number.isSafeInteger(after) || after < 0)
    throw invalidRequest(`Invalid page: ${token}. Pass the next_page of a previous search result.`, 'page');
  return after;
}

/**
 * One page of an account's objects matching a search query (parsed into bound parameters, never
 * spliced into SQL), with the token of the next page and, when asked, how many match in all.
 */
export async function searchPage<R extends SearchableResource>(
  db: Queryable,
  scope: { accountId: string },
  resource: R,
  p: SearchParams,
): Promise<{ rows: Searched<R>[]; hasMore: boolean; nextPage: string | null; totalCount?: number }> {
  const def = SEARCHABLE[resource];
  const table = def.table as PgTable & { seq: AnyPgColumn; accountId: AnyPgColumn };
  const matching: SQL[] = [eq(table.accountId, scope.accountId), ...def.always, querySql(parseQuery(p.query), def.fields, resource)];
  const after = p.page === undefined ? undefined : decodePage(p.page);
  const limit = p.limit ?? 10;
  const found = (await db
    .select()
    .from(table)
    .where(and(...matching, after === undefined ? undefined : lt(table.seq, after)))
    .orderBy(desc(table.seq))
    .limit(limit + 1)) as unknown as (Searched<R> & { seq: number })[];
  const rows = found.slice(0, limit);
  const hasMore = found.length > limit;
  const total = p.totalCount
    ? await db
        .select({ n: count() })
        .from(table)
        .where(and(...matching))
    : undefined;
  const last = rows.at(-1);
  return {
    rows,
    hasMore,
    nextPage: hasMore && last ? encodePage(last.seq) : null,
    ...(total && { totalCount: total[0].n }),
  };
}
