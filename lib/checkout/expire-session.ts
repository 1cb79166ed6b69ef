import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { lockSessionOrThrow, type SessionRow } from '@/db/queries/checkout-sessions';
import { checkoutSessions } from '@/db/schema';
import { invalidRequest } from '@/lib/api/errors';
import { env } from '@/lib/env';
import { recordEvent } from '@/lib/events/record-event';
import { unix } from '@/lib/util/time';
import { sessionObject } from './session-reads';

type Scope = { accountId: string; request?: { id: string; idempotencyKey: string | null } };

const RECOVERY_WINDOW_SECONDS = 30 * 24 * 3600;

/** open → expired on a locked row, with its recovery link and the event, in the caller's transaction. */
export async function expireLockedSession(tx: Tx, session: SessionRow, scope: Scope, now: Date): Promise<SessionRow> {
  const recovery = session.afterExpiration?.recovery as { enabled: boolean; allow_promotion_codes: boolean } | undefined;
  const [row] = await tx
    .update(checkoutSessions)
    .set({
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
    })
    .where(and(eq(checkoutSessions.id, session.id), eq(checkoutSessions.status, 'open')))
    .returning();
  await recordEvent(tx, { accountId: session.accountId, type: 'checkout.session.expired', object: sessionObject(row), request: scope.request });
  return row;
}

/** POST /v1/checkout/sessions/:id/expire — only open sessions can be expired. */
export async function expireSession(db: Db, scope: Scope & { id: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const session = await lockSessionOrThrow(tx, scope);
    if (session.status !== 'open')
      throw invalidRequest(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${session.status}\`.`);
    return sessionObject(await expireLockedSession(tx, session, scope, now));
  });
}
