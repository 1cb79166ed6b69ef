import { searchPage } from '@/lib/search/search-page';
import type { SEARCHABLE, SearchableResource } from '@/lib/search/searchable';
import { searchSchema } from '@/lib/validation/search';
import { expandObject } from './expandable';
import { searchResultObject } from './list';
import { parseParams } from './parse-params';
import type { ApiContext } from './with-api';

/** GET /v1/<resource>/search for the three searchable resources: one code path. */
export async function searchEndpoint<R extends SearchableResource>(
  ctx: ApiContext<Record<string, string>>,
  resource: R,
  serialize: (row: (typeof SEARCHABLE)[R]['table']['$inferSelect']) => object,
) {
  const p = parseParams(searchSchema, ctx.input);
  // total_count is not an object to expand but a count to make.
  const totalCount = p.expand?.includes('total_count') ?? false;
  const expand = p.expand?.filter((path) => path !== 'total_count');
  const found = await searchPage(ctx.db, ctx.scope, resource, { query: p.query, limit: p.limit, page: p.page, totalCount });
  return expandObject(
    ctx,
    searchResultObject(`/v1/${resource}/search`, found.rows.map(serialize), found.hasMore, found.nextPage, found.totalCount),
    expand,
  );
}
