import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { invoiceLines } from '@/db/queries/invoices';
import { invoices } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { exclusiveParams, invalidRequest } from '@/lib/api/errors';
import { getInvoiceOrThrow } from '@/lib/api/get-or-throw';
import { createdFilter, listObject, listPage } from '@/lib/api/list';
import { serializeInvoiceLine } from '@/lib/api/serialize/invoice';
import type { ListInvoiceLinesParams, ListInvoicesParams } from '@/lib/validation/invoices';
import { invoiceObjects } from './invoice-reads';

/** GET /v1/invoices: the account's invoices, newest first. */
export async function listInvoices(db: Queryable, scope: AccountScope, p: ListInvoicesParams) {
  const { rows, hasMore } = await listPage(db, invoices, {
    accountId: scope.accountId,
    kind: 'invoice',
    params: p,
    filters: [
      p.customer !== undefined ? eq(invoices.customerId, p.customer) : undefined,
      p.subscription !== undefined ? eq(invoices.subscriptionId, p.subscription) : undefined,
      p.status !== undefined ? eq(invoices.status, p.status) : undefined,
      p.collection_method !== undefined ? eq(invoices.collectionMethod, p.collection_method) : undefined,
      // No Caisse invoice has a due date (they are charged automatically): a due_date range matches none.
      p.due_date !== undefined ? sql`false` : undefined,
      ...createdFilter(invoices.createdAt, p.created),
    ],
  });
  return listObject('/v1/invoices', await invoiceObjects(db, scope.accountId, rows), hasMore);
}

/**
 * GET /v1/invoices/:id/lines: the invoice's lines in their order on the invoice, paged with Stripe's
 * cursors. An invoice has few lines (a cart's), so the page is cut from all of them.
 */
export async function listInvoiceLines(db: Queryable, scope: AccountScope & { id: string }, p: ListInvoiceLinesParams) {
  const invoice = await getInvoiceOrThrow(db, scope);
  if (p.starting_after !== undefined && p.ending_before !== undefined) throw exclusiveParams(['ending_before', 'starting_after']);
  const lines = await invoiceLines(db, { accountId: scope.accountId, invoiceId: invoice.id });
  const limit = p.limit ?? 10;
  const cursor = p.starting_after ?? p.ending_before;
  const at = cursor === undefined ? -1 : lines.findIndex((l) => l.id === cursor);
  if (cursor !== undefined && at < 0) {
    const param = p.starting_after !== undefined ? 'starting_after' : 'ending_before';
    throw invalidRequest(`No such line_item: '${cursor}'`, param, 'resource_missing');
  }
  const [from, to] = p.ending_before !== undefined ? [Math.max(0, at - limit), at] : [at + 1, at + 1 + limit];
  const hasMore = p.ending_before !== undefined ? from > 0 : to < lines.length;
  return listObject(
    `/v1/invoices/${invoice.id}/lines`,
    lines.slice(from, to).map((l) => serializeInvoiceLine(invoice, l)),
    hasMore,
  );
}
