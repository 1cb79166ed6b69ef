import type { Tx } from '@/db/client';
import type { PaymentMethodRow } from '@/db/queries/payment-methods';
import { notACard, notTheCustomersPaymentMethod } from '@/lib/billing/customer-card';
import { paymentMethodInput } from '@/lib/payments/payment-methods/payment-method-input';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { methodSpent, needsItsCustomer } from './intent-errors';

/**
 * The card a payment intent of `customerId` may charge, named by `param`: the customer's own saved card, a
 * method no one owns that was never spent, or one of Stripe's `pm_card_*` test methods (made into a new,
 * unchecked method: its refusal comes with the charge). Another customer's is refused as Stripe refuses it.
 */
export async function usablePaymentMethod(
  tx: Tx,
  p: { accountId: string; id: string; customerId: string | null; processor: PaymentProcessor; now: Date },
): Promise<PaymentMethodRow> {
  const method = await paymentMethodInput(tx, {
    accountId: p.accountId,
    id: p.id,
    param: 'payment_method',
    processor: p.processor,
    now: p.now,
    check: false,
  });
  if (method.customerId && method.customerId !== p.customerId)
    throw p.customerId ? notTheCustomersPaymentMethod(method.id, 'payment_method') : needsItsCustomer(method.id);
  if (!method.customerId && method.consumed) throw methodSpent();
  if (!method.card) throw notACard(method.id, 'payment_method');
  return method;
}
