import type { Queryable } from '@/db/client';
import { findPaymentMethod, type PaymentMethodRow } from '@/db/queries/payment-methods';
import { invalidRequest, noSuchObject } from '@/lib/api/errors';

export const notTheCustomersPaymentMethod = (id: string, param: string) =>
  invalidRequest(
    `The customer does not have a payment method with the ID ${id}. The payment method must be attached to the customer.`,
    param,
    'resource_missing',
  );

/** Invoices are charged off-session with a saved card: a SEPA debit needs a mandate, which Caisse takes at checkout only. */
export const notACard = (id: string, param: string) =>
  invalidRequest(`Caisse charges saved cards only: payment method ${id} is not a card.`, param);

/**
 * A payment method the customer's subscriptions and invoices may be charged with, named by `param`: a
 * card saved to that customer. Another customer's is refused as Stripe refuses it; an unknown one is missing.
 */
export async function customerCardOrThrow(
  db: Queryable,
  p: { accountId: string; customerId: string; id: string; param: string },
): Promise<PaymentMethodRow> {
  const method = await findPaymentMethod(db, { accountId: p.accountId, id: p.id });
  if (!method) throw noSuchObject('PaymentMethod', p.id, p.param, 400);
  if (method.customerId !== p.customerId) throw notTheCustomersPaymentMethod(p.id, p.param);
  if (!method.card) throw notACard(p.id, p.param);
  return method;
}
