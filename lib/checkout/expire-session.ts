import type { Db, Tx } from '@/db/client';
import { updateSessionIfOpen, type SessionRow } from '@/db/queries/checkout-sessions';
import { cancelIntentIfStatusIn, lockPaymentIntentForSession } from '@/db/queries/payment-intents';
import { cancelSetupIntentIfStatusIn } from '@/db/queries/setup-intents';
import { invalidRequest } from '@/lib/api/errors';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { serializeSetupIntent } from '@/lib/api/serialize/setup-intent';
import { env } from '@/lib/env';
import { recordEvent } from '@/lib/events/record-event';
import { present } from '@/lib/util/present';
import { unix } from '@/lib/util/time';
import { releaseDiscount } from './discount-reservation';
import { sessionObject } from './session-reads';
import { lockSessionOrThrow } from '@/lib/api/get-or-throw';
import type { AccountScope } from '@/db/scope';

const RECOVERY_WINDOW_SECONDS = 30 * 24 * 3600;

/** Intents an expiring session takes down with it: every state that is not final and has no attempt in flight. */
const CANCELABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'] as const;

/** Cancels the session's intent, if it has one that can be, releasing what its attempt reserved. */
async function cancelIntent(tx: Tx, session: SessionRow, scope: AccountScope, now: Date): Promise<'canceled' | 'none' | 'in_flight'> {
  const intent = await lockPaymentIntentForSession(tx, session.id);
  if (!intent) return 'none';
  if (intent.status === 'processing') return 'in_flight';
  const canceled = await cancelIntentIfStatusIn(tx, { id: intent.id, from: [...CANCELABLE], now });
  if (!canceled) return 'none';
  await releaseDiscount(tx, canceled);
  if (canceled.amount > 0)
    await recordEvent(tx, {
      accountId: session.accountId,
      type: 'payment_intent.canceled',
      object: serializePaymentIntent(canceled),
      request: scope.request,
    });
  return 'canceled';
}

/** A setup session's SetupIntent ends with it, abandoned (serializeSetupIntent's cancellation_reason). */
async function cancelSetupIntent(tx: Tx, session: SessionRow, scope: AccountScope, now: Date) {
  if (session.mode !== 'setup') return;
  const canceled = await cancelSetupIntentIfStatusIn(tx, {
    checkoutSessionId: session.id,
    from: ['requires_payment_method', 'requires_confirmation', 'requires_action'],
    now,
  });
  if (canceled)
    await recordEvent(tx, {
      accountId: session.accountId,
      type: 'setup_intent.canceled',
      object: serializeSetupIntent(canceled),
      request: scope.request,
    });
}

/**
 * open → expired on a locked row (T6 in payment-state.ts), with its recovery link and events, in the
 * caller's transaction: a challenge waiting on the customer is canceled with it. Returns null, having
 * changed nothing, while a payment attempt is in flight: a session never expires under a charge.
 */
export async function expireLockedSession(tx: Tx, session: SessionRow, scope: AccountScope, now: Date): Promise<SessionRow | null> {
  if (session.status !== 'open') return null;
  if ((await cancelIntent(tx, session, scope, now)) === 'in_flight') return null;
  await cancelSetupIntent(tx, session, scope, now);
  const recovery = session.afterExpiration?.recovery;
  const expired = await updateSessionIfOpen(tx, {
    id: session.id,
    set: {
      status: 'expired',
      afterExpiration: recovery
        ? {
            recovery: {
              ...recovery,
              expires_at: recovery.enabled ? unix(now) + RECOVERY_WINDOW_SECONDS : null,
              url: recovery.enabled ? `${env().APP_URL}/c/${session.id}/recover` : null,
            },
          }
        : session.afterExpiration,
    },
  });
  // Locked and open (checked above): the update matches.
  const row = present(expired, `open session ${session.id} under its lock`);
  await recordEvent(tx, {
    accountId: session.accountId,
    type: 'checkout.session.expired',
    object: sessionObject(row),
    request: scope.request,
  });
  return row;
}

/** POST /v1/checkout/sessions/:id/expire — only open sessions, and not while a payment attempt is in flight. */
export async function expireSession(db: Db, scope: AccountScope & { id: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const session = await lockSessionOrThrow(tx, scope);
    if (session.status !== 'open')
      throw invalidRequest(
        `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${session.status}\`.`,
      );
    const expired = await expireLockedSession(tx, session, scope, now);
    if (!expired)
      throw invalidRequest(
        'This Checkout Session has a payment attempt in progress and cannot be expired until it finishes. Retry in a few seconds.',
        undefined,
        'payment_intent_unexpected_state',
      );
    return sessionObject(expired);
  });
}
