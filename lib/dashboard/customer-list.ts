import 'server-only';
import { isNull } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { subscriptionCountsOf } from '@/db/queries/dashboard-billing';
import { customers } from '@/db/schema';
import { listPage } from '@/lib/api/list';
import type { CustomerListFilters } from '@/lib/validation/dashboard-billing';
import { pageAtCursor } from './list-cursors';

export const CUSTOMERS_PAGE_SIZE = 20;

/** One row of the customers table. */
export type CustomerSummary = { id: string; email: string | null; name: string | null; created: Date; subscriptions: number };

/** One page of the customers list (deleted ones left out), newest first, each with how many subscriptions they have. */
export async function customerListPage(
  db: Queryable,
  p: { accountId: string; filters: CustomerListFilters; limit?: number },
): Promise<{ rows: CustomerSummary[]; newer: string | null; older: string | null }> {
  const { accountId, filters } = p;
  const page = await pageAtCursor(filters, (cursor) =>
    listPage(db, customers, {
      accountId,
      kind: 'customer',
      params: { limit: p.limit ?? CUSTOMERS_PAGE_SIZE, starting_after: cursor.startingAfter, ending_before: cursor.endingBefore },
      filters: [isNull(customers.deletedAt)],
    }),
  );
  const counts = await subscriptionCountsOf(db, { accountId, customerIds: page.rows.map((c) => c.id) });
  return {
    ...page,
    rows: page.rows.map((c) => ({ id: c.id, email: c.email, name: c.name, created: c.createdAt, subscriptions: counts.get(c.id) ?? 0 })),
  };
}
