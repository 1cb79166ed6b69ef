import { and, asc, desc, eq, gt, gte, lt, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { ApiError, exclusiveParams } from './errors';

export type ListParams = { limit?: number; starting_after?: string; ending_before?: string };

type Paged = PgTable & { id: AnyPgColumn; seq: AnyPgColumn; accountId: AnyPgColumn };

/**
 * One page of an account's objects, newest first, with Stripe's cursors:
 * `starting_after` pages back in time, `ending_before` forward.
 */
export async function listPage<T extends Paged>(
  db: Queryable,
  table: T,
  p: { accountId: string; filters?: (SQL | undefined)[]; params: ListParams; kind: string },
): Promise<{ rows: T['$inferSelect'][]; hasMore: boolean }> {
  const limit = p.params.limit ?? 10;
  // Drizzle's from() takes a generic table through a conditional type that tsc cannot resolve: hand it the plain PgTable.
  const source: PgTable = table;
  const scope = [eq(table.accountId, p.accountId), ...(p.filters ?? [])];
  const cursorId = p.params.starting_after ?? p.params.ending_before;
  if (p.params.starting_after && p.params.ending_before) throw exclusiveParams(['ending_before', 'starting_after']);
  let cursorSeq: number | undefined;
  if (cursorId) {
    const found = await db
      .select({ seq: table.seq })
      .from(source)
      .where(and(eq(table.accountId, p.accountId), eq(table.id, cursorId)))
      .limit(1);
    if (!found[0]) {
      const param = p.params.starting_after ? 'starting_after' : 'ending_before';
      throw new ApiError({
        status: 400,
        type: 'invalid_request_error',
        code: 'resource_missing',
        param,
        message: `No such ${p.kind}: '${cursorId}'`,
      });
    }
    cursorSeq = Number(found[0].seq);
  }
  const backwards = p.params.ending_before !== undefined;
  const cursor = cursorSeq === undefined ? undefined : backwards ? gt(table.seq, cursorSeq) : lt(table.seq, cursorSeq);
  const rows = (await db
    .select()
    .from(source)
    .where(and(...scope, cursor))
    .orderBy(backwards ? asc(table.seq) : desc(table.seq))
    .limit(limit + 1)) as T['$inferSelect'][];
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  return { rows: backwards ? page.reverse() : page, hasMore };
}

export function listObject<T>(url: string, data: T[], hasMore: boolean) {
  return { object: 'list' as const, data, has_more: hasMore, url };
}

/** Stripe's ApiSearchResult; `total_count` only when asked for with `expand[]=total_count`. */
export function searchResultObject<T>(url: string, data: T[], hasMore: boolean, nextPage: string | null, totalCount?: number) {
  return {
    object: 'search_result' as const,
    data,
    has_more: hasMore,
    next_page: nextPage,
    url,
    ...(totalCount !== undefined && { total_count: totalCount }),
  };
}

/** `created` filters as Stripe's RangeQueryParam; a unix second covers [s, s+1). */
export function createdFilter(
  column: AnyPgColumn,
  created: number | { gt?: number; gte?: number; lt?: number; lte?: number } | undefined,
): SQL[] {
  if (created === undefined) return [];
  const at = (s: number) => new Date(s * 1000);
  if (typeof created === 'number') return [gte(column, at(created)), lt(column, at(created + 1))];
  const out: SQL[] = [];
  if (created.gt !== undefined) out.push(gte(column, at(created.gt + 1)));
  if (created.gte !== undefined) out.push(gte(column, at(created.gte)));
  if (created.lt !== undefined) out.push(lt(column, at(created.lt)));
  if (created.lte !== undefined) out.push(lt(column, at(created.lte + 1)));
  return out;
}
