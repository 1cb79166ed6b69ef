import type { StoredInvoiceCustomer } from '@/db/schema';

type Contact = { email?: string | null; name?: string | null; phone?: string | null; address?: StoredInvoiceCustomer['address'] };

/**
 * Who an invoice is for, as the customer (or the checkout's customer details) is when it is finalized: Stripe
 * freezes these on the invoice, with the tax IDs and exemption automatic tax was computed with, if it was.
 */
export function customerSnapshot(from: Contact, tax?: Pick<StoredInvoiceCustomer, 'tax_exempt' | 'tax_ids'>): StoredInvoiceCustomer {
  return { email: from.email ?? null, name: from.name ?? null, phone: from.phone ?? null, address: from.address ?? null, ...tax };
}
