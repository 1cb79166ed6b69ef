import type { Tx } from '@/db/client';
import { insertPaymentMethod, lockPaymentMethod, type PaymentMethodRow } from '@/db/queries/payment-methods';
import { noSuchObject } from '@/lib/api/errors';
import { cardDeclined } from '@/lib/payments/card-errors';
import { fingerprintSecret } from '@/lib/payments/fingerprint';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { testPaymentMethodCard } from '@/lib/payments/test-payment-methods';
import { newId } from '@/lib/util/ids';

const NO_DETAILS = { address: null, email: null, name: null, phone: null, tax_id: null };

/**
 * The payment method a request names, locked: one of the account's, or, for one of Stripe's test payment
 * methods (`pm_card_visa`, …), a new one made from its card, unattached. With `check` (attaching it), a card
 * its issuer refuses is Stripe's 402 card error and nothing is saved. An unknown id is a 400 naming `param`.
 */
export async function paymentMethodInput(
  tx: Tx,
  p: { accountId: string; id: string; param: string; processor: PaymentProcessor; now: Date; check: boolean },
): Promise<PaymentMethodRow> {
  const card = testPaymentMethodCard(p.id, p.now);
  if (!card) {
    const row = await lockPaymentMethod(tx, { accountId: p.accountId, id: p.id });
    if (!row) throw noSuchObject('PaymentMethod', p.id, p.param, 400);
    return row;
  }
  const outcome = await p.processor.saveCard({ card, fingerprintSecret: fingerprintSecret(), check: p.check });
  if (outcome.status === 'failed') throw cardDeclined(outcome.decline);
  return insertPaymentMethod(tx, {
    id: newId('pm'),
    accountId: p.accountId,
    type: 'card',
    customerId: null,
    card: outcome.card,
    billingDetails: NO_DETAILS,
    processorState: outcome.status === 'succeeded' ? (outcome.reusable ?? null) : null,
    createdAt: p.now,
  });
}
