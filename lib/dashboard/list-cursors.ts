import { ApiError } from '@/lib/api/errors';

/** Where a dashboard list page came from: paging back in time from an id (`after`), forward (`before`), or neither. */
export type PageCursor = { startingAfter?: string; endingBefore?: string };

/**
 * The cursors of the neighbouring pages of a list page read with the API's cursors (lib/api/list.ts),
 * newest first, or null where there is none.
 */
export function neighbourCursors(
  page: { rows: { id: string }[]; hasMore: boolean },
  cursor: PageCursor,
): { newer: string | null; older: string | null } {
  const { rows, hasMore } = page;
  if (rows.length === 0) return { newer: null, older: null };
  const first = rows[0].id;
  const last = rows[rows.length - 1].id;
  const backwards = Boolean(cursor.endingBefore);
  const paged = Boolean(cursor.startingAfter ?? cursor.endingBefore);
  return {
    // Going back in time, there are newer rows since we came from one; going forward, only when the API says so.
    newer: backwards ? (hasMore ? first : null) : paged ? first : null,
    older: backwards ? last : hasMore ? last : null,
  };
}

/**
 * A dashboard list's page from the filters' cursor (`after` pages back in time from a row, `before`
 * forward), with its neighbours' cursors. A cursor that is not one of the account's rows (an edited URL,
 * another account's id) shows the first page rather than an error.
 */
export async function pageAtCursor<Row extends { id: string }>(
  filters: { after?: string; before?: string },
  read: (cursor: PageCursor) => Promise<{ rows: Row[]; hasMore: boolean }>,
): Promise<{ rows: Row[]; newer: string | null; older: string | null }> {
  const cursor: PageCursor = filters.after ? { startingAfter: filters.after } : filters.before ? { endingBefore: filters.before } : {};
  let page;
  try {
    page = await read(cursor);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const first = await read({});
    return { rows: first.rows, ...neighbourCursors(first, {}) };
  }
  return { rows: page.rows, ...neighbourCursors(page, cursor) };
}
