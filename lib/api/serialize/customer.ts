import { createHash } from 'node:crypto';
import type { CustomerRow } from '@/db/queries/customers';
import { unix } from '@/lib/util/time';

// Stripe gives every customer an 8-character invoice prefix; Caisse issues no
// invoices, so one derived from the id is stable without being stored.
function invoicePrefix(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 8).toUpperCase();
}

export function serializeDeletedCustomer(id: string) {
  return { id, object: 'customer' as const, deleted: true as const };
}

export function serializeCustomer(row: CustomerRow) {
  return {
    id: row.id,
    object: 'customer' as const,
    address: row.address,
    balance: row.balance,
    created: unix(row.createdAt),
    currency: row.currency,
    customer_account: null,
    default_source: null,
    delinquent: false,
    description: row.description,
    discount: null,
    email: row.email,
    invoice_prefix: invoicePrefix(row.id),
    invoice_settings: { custom_fields: null, default_payment_method: row.defaultPaymentMethodId, footer: null, rendering_options: null },
    livemode: row.livemode,
    metadata: row.metadata,
    name: row.name,
    next_invoice_sequence: 1,
    phone: row.phone,
    preferred_locales: row.preferredLocales,
    shipping: row.shipping
      ? { address: row.shipping.address, carrier: null, name: row.shipping.name, phone: row.shipping.phone, tracking_number: null }
      : null,
    tax_exempt: row.taxExempt,
    test_clock: row.testClockId,
  };
}
