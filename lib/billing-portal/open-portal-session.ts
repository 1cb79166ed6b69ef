import { timingSafeEqual } from 'node:crypto';
import type { Queryable } from '@/db/client';
import { findPortalSession, markPortalSessionOpened, type PortalSessionRow } from '@/db/queries/billing-portal-sessions';
import { hashPortalToken } from './portal-sessions';

/** A new session must be opened within 5 minutes; once opened it is usable for an hour from that first opening. */
export const OPEN_WITHIN_MS = 5 * 60_000;
export const USABLE_FOR_MS = 60 * 60_000;

function tokenMatches(row: PortalSessionRow, token: string): boolean {
  const given = Buffer.from(hashPortalToken(token));
  const stored = Buffer.from(row.tokenHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** When a session opened at `openedAt` stops being usable: an hour later. */
export const portalUsableUntil = (openedAt: Date) => new Date(openedAt.getTime() + USABLE_FOR_MS);

const stillUsable = (row: PortalSessionRow, now: Date) => row.openedAt !== null && now < portalUsableUntil(row.openedAt);

/**
 * The portal session behind /p/:id/:token if the token is its own and it is still usable, opening it
 * (its first opening starts its hour) — else null: unknown, wrong token and expired look the same.
 * Every page load and every action of the portal goes through here.
 */
export async function openPortalSession(db: Queryable, p: { id: string; token: string; now?: Date }): Promise<PortalSessionRow | null> {
  const now = p.now ?? new Date();
  if (p.id.length > 255 || p.token.length > 255) return null;
  const row = await findPortalSession(db, p.id);
  if (!row || !tokenMatches(row, p.token)) return null;
  if (row.openedAt) return stillUsable(row, now) ? row : null;
  const opened = await markPortalSessionOpened(db, { id: row.id, now, createdAfter: new Date(now.getTime() - OPEN_WITHIN_MS) });
  if (opened) return opened;
  // Another request opened it first (or it was never opened in time): read what that left.
  const again = await findPortalSession(db, p.id);
  return again && stillUsable(again, now) ? again : null;
}
