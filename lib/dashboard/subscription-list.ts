import 'server-only';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { subscriptions } from '@/db/schema';
import { listPage } from '@/lib/api/list';
import type { SubscriptionListFilters } from '@/lib/validation/dashboard-billing';
import { pageAtCursor } from './list-cursors';
import { subscriptionSummaries, type SubscriptionSummary } from './subscription-summary';

export const SUBSCRIPTIONS_PAGE_SIZE = 20;

/** One page of the subscriptions list (one status, or all), newest first, with its neighbours' cursors (null where there is none). */
export async function subscriptionListPage(
  db: Queryable,
  p: { accountId: string; filters: SubscriptionListFilters; limit?: number },
): Promise<{ rows: SubscriptionSummary[]; newer: string | null; older: string | null }> {
  const { accountId, filters } = p;
  const page = await pageAtCursor(filters, (cursor) =>
    listPage(db, subscriptions, {
      accountId,
      kind: 'subscription',
      params: { limit: p.limit ?? SUBSCRIPTIONS_PAGE_SIZE, starting_after: cursor.startingAfter, ending_before: cursor.endingBefore },
      filters: [filters.status ? eq(subscriptions.status, filters.status) : undefined],
    }),
  );
  return { ...page, rows: await subscriptionSummaries(db, accountId, page.rows) };
}
