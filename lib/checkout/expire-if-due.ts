import type { Db } from '@/db/client';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import { lockSessionById } from '@/db/queries/public-session';
import { expireLockedSession } from './expire-session';

/** A session read after its expires_at becomes expired then, once, with its event — unless a payment attempt is in flight. */
export async function expireIfDue(db: Db, session: SessionRow, now = new Date()): Promise<SessionRow> {
  if (session.status !== 'open' || session.expiresAt > now) return session;
  return db.transaction(async (tx) => {
    const locked = await lockSessionById(tx, session.id);
    if (!locked || locked.status !== 'open') return locked ?? session;
    return (await expireLockedSession(tx, locked, { accountId: locked.accountId }, now)) ?? locked;
  });
}
