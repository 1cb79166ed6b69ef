import type { Tx } from '@/db/client';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import { findSetupIntent, insertSetupIntent, stepSetupIntentIfStatusIn } from '@/db/queries/setup-intents';
import type { StoredPaymentError } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { serializeSetupIntent } from '@/lib/api/serialize/setup-intent';
import { recordEvent } from '@/lib/events/record-event';
import { newId } from '@/lib/util/ids';

/** What a new setup session's SetupIntent starts with (from setup_intent_data, or from the session a recovery copies). */
export type NewSessionSetupIntent = {
  sessionId: string;
  customerId: string | null;
  description: string | null;
  metadata: Record<string, string>;
  paymentMethodTypes: string[];
  now: Date;
};

/** A setup session's SetupIntent, waiting for a payment method, with its created event: in the session's transaction. */
export async function createSessionSetupIntent(tx: Tx, scope: AccountScope, p: NewSessionSetupIntent & { id: string }) {
  const intent = await insertSetupIntent(tx, {
    id: p.id,
    accountId: scope.accountId,
    metadata: p.metadata,
    createdAt: p.now,
    status: 'requires_payment_method',
    customerId: p.customerId,
    description: p.description,
    usage: 'off_session',
    paymentMethodTypes: p.paymentMethodTypes,
    checkoutSessionId: p.sessionId,
  });
  await recordEvent(tx, {
    accountId: scope.accountId,
    type: 'setup_intent.created',
    object: serializeSetupIntent(intent),
    request: scope.request,
  });
  return intent;
}

/**
 * A recovered setup session's own SetupIntent (the expired one's was canceled with it), carrying the same
 * description and metadata; its id, for the new session's row. Null for other modes.
 */
export async function recoveredSetupIntentId(tx: Tx, old: SessionRow, p: { sessionId: string; now: Date }): Promise<string | null> {
  if (old.mode !== 'setup') return null;
  const previous = old.setupIntentId ? await findSetupIntent(tx, { accountId: old.accountId, id: old.setupIntentId }) : null;
  const id = newId('seti');
  await createSessionSetupIntent(
    tx,
    { accountId: old.accountId },
    {
      id,
      sessionId: p.sessionId,
      customerId: old.customerId,
      description: previous?.description ?? null,
      metadata: previous?.metadata ?? {},
      paymentMethodTypes: old.paymentMethodTypes,
      now: p.now,
    },
  );
  return id;
}

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
