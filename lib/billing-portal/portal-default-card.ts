import type { Tx } from '@/db/client';
import { lockLiveCustomer } from '@/db/queries/customers';
import { lockPaymentMethod } from '@/db/queries/payment-methods';
import { lockSubscriptionsWithDefaultMethod } from '@/db/queries/subscriptions';
import { LIVE_SUBSCRIPTION_STATUSES } from '@/lib/billing/subscriptions/cancel-subscription';
import { changeSubscription } from '@/lib/billing/subscriptions/update-subscription';
import { updateCustomerIn } from '@/lib/customers/customers';

/**
 * A saved card becomes what the customer pays with from now on: their `invoice_settings.default_payment_method`
 * (as POST /v1/customers/:id sets it) and the `default_payment_method` of each live subscription that names one
 * (as POST /v1/subscriptions/:id sets it; one without keeps falling back to the customer's), each with its event.
 * The portal's "Make default" and a card added through the portal both end here.
 *
 * In the caller's transaction. Every check comes before the first write, so `false` (the card is not a card of this
 * live customer) leaves nothing written. Lock order: the card, the subscriptions (by id), then the customer.
 */
export async function makeCardTheDefault(tx: Tx, p: { accountId: string; customerId: string; paymentMethodId: string }): Promise<boolean> {
  // Locked first, as detach locks it: a card detached meanwhile is refused here, never left behind as a default.
  const method = await lockPaymentMethod(tx, { accountId: p.accountId, id: p.paymentMethodId });
  if (method?.customerId !== p.customerId || method.type !== 'card') return false;
  const subscriptions = await lockSubscriptionsWithDefaultMethod(tx, {
    accountId: p.accountId,
    customerId: p.customerId,
    statuses: LIVE_SUBSCRIPTION_STATUSES,
  });
  if (!(await lockLiveCustomer(tx, { accountId: p.accountId, id: p.customerId }))) return false;
  await updateCustomerIn(tx, { accountId: p.accountId, id: p.customerId }, { invoice_settings: { default_payment_method: method.id } });
  for (const sub of subscriptions)
    if (sub.defaultPaymentMethodId !== method.id) await changeSubscription(tx, sub, { defaultPaymentMethodId: method.id });
  return true;
}
