import type { Queryable } from '@/db/client';
import type { InvoiceRow } from '@/db/queries/invoices';
import { recordEvent } from '@/lib/events/record-event';
import { invoiceObject } from './invoice-reads';

/**
 * The events of an invoice that was just made: created, then finalized, then paid, as far as it went; a draft
 * that automatic tax could not finalize (no customer location) is announced as failing finalization.
 */
export async function announceNewInvoice(db: Queryable, invoice: InvoiceRow): Promise<void> {
  const object = await invoiceObject(db, invoice);
  const accountId = invoice.accountId;
  await recordEvent(db, { accountId, type: 'invoice.created', object });
  if (invoice.status === 'draft') {
    if (invoice.automaticTaxStatus === 'requires_location_inputs')
      await recordEvent(db, { accountId, type: 'invoice.finalization_failed', object });
    return;
  }
  await recordEvent(db, { accountId, type: 'invoice.finalized', object });
  if (invoice.status !== 'paid') return;
  await recordEvent(db, { accountId, type: 'invoice.paid', object });
  await recordEvent(db, { accountId, type: 'invoice.payment_succeeded', object });
}
