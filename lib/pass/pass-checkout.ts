import type { Tx } from '@/db/client';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import { insertPassIfNew, takePassOptIn, type PassRow } from '@/db/queries/passes';
import { insertPaymentMethod } from '@/db/queries/payment-methods';
import type { StoredBillingDetails, StoredCard } from '@/db/schema';
import { collectsPaymentMethod } from '@/lib/checkout/confirm-config';
import { newId } from '@/lib/util/ids';
import type { SavedCardView } from '@/lib/checkout/saved-cards';
import { isEmbedded } from '@/lib/checkout/ui-mode';
import { normalizePassEmail, PASS_CARD } from './pass-rules';

export { PASS_CARD };

/**
 * Whether the page offers Caisse Pass: a payment taken by card (`wallet_options.link.display` not `never`).
 * Subscriptions and setups save their card to the merchant's customer: the Pass is for one-off payments. Not in
 * an embedded page: its sign-in cookie would be a third party's in the merchant's frame.
 */
export function passOffered(
  session: Pick<SessionRow, 'walletOptions' | 'mode' | 'paymentMethodTypes' | 'paymentMethodCollection' | 'amountTotal' | 'uiMode'>,
): boolean {
  return (
    session.walletOptions?.link?.display !== 'never' &&
    !isEmbedded(session.uiMode) &&
    session.mode === 'payment' &&
    session.paymentMethodTypes.includes('card') &&
    collectsPaymentMethod(session)
  );
}

/** The Pass's card as the page shows a saved card. */
export const passCardView = (pass: PassRow): SavedCardView => ({
  id: PASS_CARD,
  brand: pass.card.brand,
  last4: pass.card.last4,
  expMonth: pass.card.exp_month,
  expYear: pass.card.exp_year,
});

/** The pay form's fields the Pass fills in (the customer may still change them). */
export function passPrefill(pass: PassRow): Record<string, unknown> {
  const shipping = pass.shipping;
  return {
    email: pass.email,
    phone: pass.phone,
    saved_card: PASS_CARD,
    ...(shipping ? { shipping: { name: shipping.name ?? pass.name ?? '', ...shipping.address } } : {}),
  };
}

/**
 * The Pass's card as a payment method of the session's merchant, for this payment only (spent once used, as
 * a card used without a customer is): the merchant sees what any card payment shows, nothing else of the Pass.
 */
export async function passPaymentMethod(tx: Tx, session: SessionRow, pass: PassRow, billingDetails: StoredBillingDetails) {
  return insertPaymentMethod(tx, {
    id: newId('pm'),
    accountId: session.accountId,
    livemode: session.livemode,
    type: 'card',
    customerId: null,
    card: pass.card,
    billingDetails,
    processorState: pass.processorState,
    allowRedisplay: 'unspecified',
    consumed: true,
  });
}

/**
 * On completion (in its transaction): the customer asked to save their details with the Pass on this page,
 * and the card they typed was charged. An email that already has a Pass keeps it as it was.
 */
export async function enrollPassOnCompletion(
  tx: Tx,
  session: SessionRow,
  payment: { card: StoredCard | null; reusable?: Record<string, string>; savedCard: boolean },
): Promise<void> {
  const optIn = await takePassOptIn(tx, session.id);
  const email = session.customerDetails?.email;
  if (!optIn || !email || !payment.card || payment.savedCard) return;
  const shipping = session.collectedInformation?.shipping_details ?? null;
  await insertPassIfNew(tx, {
    id: newId('pass'),
    email: normalizePassEmail(email),
    phone: optIn.phone,
    name: session.customerDetails?.name ?? shipping?.name ?? null,
    shipping,
    card: payment.card,
    processorState: payment.reusable ?? null,
  });
}
