import type { Db } from '@/db/client';
import { paymentIntentForSession } from '@/db/queries/payment-intents';
import { detachIfAttached } from '@/db/queries/payment-methods';
import { lockSessionById } from '@/db/queries/public-session';
import { serializePaymentMethod } from '@/lib/api/serialize/payment-method';
import { recordEvent } from '@/lib/events/record-event';
import type { CartResult } from './cart-actions';
import { notPayable } from './payment-state';
import { offersRemove, stillOffered } from './saved-cards';

/**
 * The customer removes one of their saved cards from the page (saved_payment_method_options
 * .payment_method_remove=enabled): only a card the page offers, of the session's own customer, while the
 * session is payable. It is detached for good, as the API's detach does, with the same event.
 */
export async function removeSavedCard(db: Db, sessionId: string, paymentMethodId: string, now = new Date()): Promise<CartResult> {
  return db.transaction(async (tx): Promise<CartResult> => {
    const session = await lockSessionById(tx, sessionId);
    if (!session) return { ok: false, error: 'not_found' };
    if (notPayable(session, now)) return { ok: false, error: 'session_closed' };
    // Not the card a payment of this session is being made with (charging, or waiting on its challenge).
    const intent = await paymentIntentForSession(tx, session.id);
    if (intent?.paymentMethodId === paymentMethodId && (intent.status === 'processing' || intent.status === 'requires_action'))
      return { ok: false, error: 'payment_in_progress' };
    const method = offersRemove(session) ? await stillOffered(tx, session, paymentMethodId) : null;
    const detached = method ? await detachIfAttached(tx, { accountId: session.accountId, id: method.id }) : null;
    if (!method || !detached) return { ok: false, error: 'not_found' };
    await recordEvent(tx, {
      accountId: session.accountId,
      type: 'payment_method.detached',
      object: serializePaymentMethod(detached),
      previousAttributes: { customer: method.customerId },
    });
    return { ok: true };
  });
}
