import 'server-only';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { invoices } from '@/db/schema';
import { listPage } from '@/lib/api/list';
import type { InvoiceListFilters } from '@/lib/validation/dashboard-billing';
import { invoiceSummaries, type InvoiceSummary } from './invoice-summary';
import { pageAtCursor } from './list-cursors';

export const INVOICES_PAGE_SIZE = 20;

/** One page of the invoices list (one status, or all), newest first, with its neighbours' cursors (null where there is none). */
export async function invoiceListPage(
  db: Queryable,
  p: { accountId: string; filters: InvoiceListFilters; limit?: number },
): Promise<{ rows: InvoiceSummary[]; newer: string | null; older: string | null }> {
  const { accountId, filters } = p;
  const page = await pageAtCursor(filters, (cursor) =>
    listPage(db, invoices, {
      accountId,
      kind: 'invoice',
      params: { limit: p.limit ?? INVOICES_PAGE_SIZE, starting_after: cursor.startingAfter, ending_before: cursor.endingBefore },
      filters: [filters.status ? eq(invoices.status, filters.status) : undefined],
    }),
  );
  return { ...page, rows: await invoiceSummaries(db, accountId, page.rows) };
}
