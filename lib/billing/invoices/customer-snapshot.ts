import type { StoredInvoiceCustomer } from '@/db/schema';

/** Who an invoice is for, as the customer is when it is finalized (Stripe freezes these on the invoice). */
export function customerSnapshot(from: {
  customerDetails?: {
    email?: string | null;
    name?: string | null;
    phone?: string | null;
    address?: StoredInvoiceCustomer['address'];
  } | null;
  email?: string | null;
  name?: string | null;
  phone?: string | null;
  address?: StoredInvoiceCustomer['address'];
}): StoredInvoiceCustomer {
  const d = from.customerDetails ?? from;
  return { email: d.email ?? null, name: d.name ?? null, phone: d.phone ?? null, address: d.address ?? null };
}
