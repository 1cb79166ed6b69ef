import type { TaxIdRow } from '@/db/queries/tax-ids';
import { unix } from '@/lib/util/time';

/** Stripe's TaxId of a customer (owner type `customer`); Caisse has no account tax IDs nor Accounts v2. */
export function serializeTaxId(row: TaxIdRow) {
  return {
    id: row.id,
    object: 'tax_id' as const,
    country: row.country,
    created: unix(row.createdAt),
    customer: row.customerId,
    customer_account: null,
    livemode: row.livemode,
    owner: { customer: row.customerId, customer_account: null, type: 'customer' as const },
    type: row.type,
    value: row.value,
    verification: row.verification,
  };
}

export function serializeDeletedTaxId(id: string) {
  return { id, object: 'tax_id' as const, deleted: true as const };
}
