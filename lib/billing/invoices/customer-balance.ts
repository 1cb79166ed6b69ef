import type { Queryable } from '@/db/client';
import { lockLiveCustomer, updateCustomerFields, type CustomerRow } from '@/db/queries/customers';
import type { ScopeRequest } from '@/db/scope';
import { serializeCustomer } from '@/lib/api/serialize/customer';
import { recordEvent } from '@/lib/events/record-event';

export type BalanceApplied = { startingBalance: number; endingBalance: number; amountDue: number };

/**
 * What a finalized invoice owes once the customer's balance is applied (Stripe: a negative balance is a
 * credit): the total plus the balance, never less than 0; whatever credit is left (a downgrade's worth)
 * stays on the customer for the next invoice.
 */
export function balanceApplied(balance: number, total: number): BalanceApplied {
  const net = total + balance;
  return { startingBalance: balance, endingBalance: Math.min(net, 0), amountDue: Math.max(net, 0) };
}

/**
 * The customer's balance applied to an invoice being finalized, under the customer's lock (taken after the
 * subscription's): the invoice is written with these figures, then `settleCustomerBalance` keeps the rest.
 * A deleted customer has no balance left to apply (`customer` null).
 */
export async function lockCustomerBalance(
  db: Queryable,
  p: { accountId: string; customerId: string; total: number },
): Promise<BalanceApplied & { customer: CustomerRow | null }> {
  const customer = await lockLiveCustomer(db, { accountId: p.accountId, id: p.customerId });
  return { ...balanceApplied(customer?.balance ?? 0, p.total), customer };
}

/** The customer's new balance once the invoice is written, with `customer.updated`, when it changed. */
export async function settleCustomerBalance(
  db: Queryable,
  p: { customer: CustomerRow | null; endingBalance: number | null; request?: ScopeRequest },
): Promise<void> {
  const { customer } = p;
  if (!customer || p.endingBalance === null || p.endingBalance === customer.balance) return;
  const updated = await updateCustomerFields(db, { accountId: customer.accountId, id: customer.id, set: { balance: p.endingBalance } });
  await recordEvent(db, {
    accountId: customer.accountId,
    type: 'customer.updated',
    object: serializeCustomer(updated),
    previousAttributes: { balance: customer.balance },
    request: p.request,
  });
}
