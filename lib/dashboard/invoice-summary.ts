import 'server-only';
import type { Queryable } from '@/db/client';
import { customerNamesOf } from '@/db/queries/dashboard-billing';
import type { InvoiceRow } from '@/db/queries/invoices';
import type { CustomerName } from './subscription-summary';

/** One row of an invoices table. */
export type InvoiceSummary = {
  id: string;
  number: string | null;
  status: InvoiceRow['status'];
  customerId: string;
  customer: CustomerName | null;
  amountDue: number;
  amountRemaining: number;
  currency: string;
  created: Date;
};

/**
 * A page of invoices as table rows. The customer is named as the invoice was made out to them (the
 * snapshot kept at finalization), else as the customer is now.
 */
export async function invoiceSummaries(db: Queryable, accountId: string, rows: InvoiceRow[]): Promise<InvoiceSummary[]> {
  const names = await customerNamesOf(db, { accountId, ids: rows.map((i) => i.customerId) });
  return rows.map((i) => {
    const now = names.get(i.customerId);
    return {
      id: i.id,
      number: i.number,
      status: i.status,
      customerId: i.customerId,
      customer: { id: i.customerId, email: i.customer?.email ?? now?.email ?? null, name: i.customer?.name ?? now?.name ?? null },
      amountDue: i.amountDue,
      amountRemaining: i.amountRemaining,
      currency: i.currency,
      created: i.createdAt,
    };
  });
}
