import type { StoredInvoiceCustomer } from '@/db/schema';

type Contact = { email?: string | null; name?: string | null; phone?: string | null; address?: StoredInvoiceCustomer['address'] };

/** Who an invoice is for, as the customer (or the checkout's customer details) is when it is finalized: Stripe freezes these on the invoice. */
export function customerSnapshot(from: Contact): StoredInvoiceCustomer {
  return { email: from.email ?? null, name: from.name ?? null, phone: from.phone ?? null, address: from.address ?? null };
}
