import 'server-only';
import type { Queryable } from '@/db/client';
import { intentFactsOf, paymentSearchFilters, type PaymentSearch } from '@/db/queries/dashboard-payments';
import { charges } from '@/db/schema';
import { listPage } from '@/lib/api/list';
import type { PaymentListFilters } from '@/lib/validation/dashboard-payments';
import { pageAtCursor, type PageCursor } from './list-cursors';
import { chargeRowSummary, type PaymentSummary } from './payment-summary';

export const PAYMENTS_PAGE_SIZE = 20;

export type PaymentListPage = {
  rows: PaymentSummary[];
  /** Cursors for the neighbouring pages, or null where there is none. */
  newer: string | null;
  older: string | null;
};

function chargesPage(db: Queryable, p: { accountId: string; search: PaymentSearch; limit: number; cursor: PageCursor }) {
  return listPage(db, charges, {
    accountId: p.accountId,
    kind: 'charge',
    params: { limit: p.limit, starting_after: p.cursor.startingAfter, ending_before: p.cursor.endingBefore },
    filters: paymentSearchFilters(p.search),
  });
}

/** One page of the payments list (one row per charge), newest first, from the filters' cursor (pageAtCursor). */
export async function paymentListPage(
  db: Queryable,
  p: { accountId: string; filters: PaymentListFilters; limit?: number },
): Promise<PaymentListPage> {
  const { accountId, filters: f } = p;
  const limit = p.limit ?? PAYMENTS_PAGE_SIZE;
  const search: PaymentSearch = { status: f.status, customer: f.customer };
  const page = await pageAtCursor(f, (cursor) => chargesPage(db, { accountId, search, limit, cursor }));
  const intents = await intentFactsOf(db, { accountId, ids: page.rows.map((c) => c.paymentIntentId) });
  const byId = new Map(intents.map((i) => [i.id, i]));
  return { ...page, rows: page.rows.map((c) => chargeRowSummary(c, byId.get(c.paymentIntentId) ?? null)) };
}
