import type { Tx } from '@/db/client';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import { stepSetupIntentIfStatusIn } from '@/db/queries/setup-intents';
import type { StoredPaymentError } from '@/db/schema';
import { serializeSetupIntent } from '@/lib/api/serialize/setup-intent';
import { recordEvent } from '@/lib/events/record-event';

// A setup session's SetupIntent follows its attempts (the 0-amount payment intent is their lock): a 3-D Secure
// challenge makes it wait on the customer, a decline sends it back for another method with last_setup_error.
// Success and cancellation are complete-session.ts's and expire-session.ts's. Each step is a conditional update in
// the caller's transaction, under the session's lock; a session without one (made before SetupIntents) changes nothing.

/** T3: the card asks for a 3-D Secure challenge. */
export async function setupIntentRequiresAction(tx: Tx, session: SessionRow): Promise<void> {
  if (session.mode !== 'setup') return;
  const waiting = await stepSetupIntentIfStatusIn(tx, {
    checkoutSessionId: session.id,
    from: ['requires_payment_method'],
    set: { status: 'requires_action', lastSetupError: null },
  });
  if (waiting)
    await recordEvent(tx, { accountId: session.accountId, type: 'setup_intent.requires_action', object: serializeSetupIntent(waiting) });
}

/** T4: the card was declined (at once or after its challenge): the customer may try another. */
export async function setupIntentFailed(tx: Tx, session: SessionRow, error: StoredPaymentError): Promise<void> {
  if (session.mode !== 'setup') return;
  const failed = await stepSetupIntentIfStatusIn(tx, {
    checkoutSessionId: session.id,
    from: ['requires_payment_method', 'requires_action'],
    set: { status: 'requires_payment_method', lastSetupError: error },
  });
  if (failed)
    await recordEvent(tx, { accountId: session.accountId, type: 'setup_intent.setup_failed', object: serializeSetupIntent(failed) });
}
