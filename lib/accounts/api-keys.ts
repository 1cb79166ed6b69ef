import type { Db } from '@/db/client';
import { insertApiKeys, listAccountKeys, lockSecretKeys, revokeApiKey, setApiKeyExpiry, type ApiKeyRow } from '@/db/queries/api-keys';
import { noSuchObject } from '@/lib/api/errors';
import { apiKeyRow, newApiKey } from './api-key-material';
import type { AccountScope } from '@/db/scope';

export type ApiKeyState = 'active' | 'expiring' | 'expired' | 'revoked';

export type ApiKeyView = {
  id: string;
  kind: 'secret' | 'publishable';
  displayPrefix: string;
  /** Publishable keys only: they are public, so shown in full. */
  publishableKey: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  state: ApiKeyState;
};

// The same rule as db/queries/api-keys.ts findActiveKeyByHash, which is what the API enforces.
function stateOf(row: ApiKeyRow, now: Date): ApiKeyState {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  return row.expiresAt ? 'expiring' : 'active';
}

const isLive = (row: ApiKeyRow, now: Date) => !row.revokedAt && (!row.expiresAt || row.expiresAt > now);

/** The account's keys for the dashboard; no secret ever leaves here, only display prefixes. */
export async function listApiKeys(db: Db, scope: AccountScope, now = new Date()): Promise<ApiKeyView[]> {
  const rows = await listAccountKeys(db, scope);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    displayPrefix: r.displayPrefix,
    publishableKey: r.kind === 'publishable' ? r.publishableToken : null,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
    state: stateOf(r, now),
  }));
}

/** A new secret key; the returned clear text is the only time anyone sees it. */
export async function createSecretKey(db: Db, scope: AccountScope): Promise<{ id: string; secret: string }> {
  const secret = newApiKey('secret');
  const row = apiKeyRow(scope.accountId, 'secret', secret);
  await insertApiKeys(db, { accountId: scope.accountId, keys: [row] });
  return { id: row.id, secret };
}

/** How long a rolled key keeps working, as the dashboard offers it. */
export const ROLL_EXPIRIES = { now: 0, '1h': 3600, '24h': 86400, '7d': 7 * 86400 } as const;
export type RollExpiry = keyof typeof ROLL_EXPIRIES;

/**
 * Replaces a live secret key with a new one (returned in clear, once). The
 * old key keeps working until `expiresIn` from now so that the merchant can
 * deploy the new one first; an earlier expiry it already had is kept.
 */
export async function rollSecretKey(
  db: Db,
  scope: AccountScope & { id: string; expiresIn: RollExpiry },
  now = new Date(),
): Promise<{ id: string; secret: string; oldKeyExpiresAt: Date }> {
  return db.transaction(async (tx) => {
    const old = (await lockSecretKeys(tx, scope)).find((k) => k.id === scope.id);
    if (!old || !isLive(old, now)) throw noSuchObject('API key', scope.id);
    const wanted = new Date(now.getTime() + ROLL_EXPIRIES[scope.expiresIn] * 1000);
    const expiresAt = old.expiresAt && old.expiresAt < wanted ? old.expiresAt : wanted;
    await setApiKeyExpiry(tx, { accountId: scope.accountId, id: old.id, expiresAt });
    const secret = newApiKey('secret');
    const row = apiKeyRow(scope.accountId, 'secret', secret);
    await insertApiKeys(tx, { accountId: scope.accountId, keys: [row] });
    return { id: row.id, secret, oldKeyExpiresAt: expiresAt };
  });
}

export type RevokeOutcome = { ok: true } | { ok: false; reason: 'last_active_key' };

/**
 * Revokes a secret key at once. Revoking the account's last live secret key
 * cuts its backend off the API, so it takes an explicit `confirmLast`.
 * Publishable keys cannot be revoked: they are public and the checkout needs one.
 */
export async function revokeSecretKey(
  db: Db,
  scope: AccountScope & { id: string; confirmLast: boolean },
  now = new Date(),
): Promise<RevokeOutcome> {
  return db.transaction(async (tx) => {
    const keys = await lockSecretKeys(tx, scope);
    const target = keys.find((k) => k.id === scope.id);
    if (!target || target.revokedAt) throw noSuchObject('API key', scope.id);
    const othersLive = keys.some((k) => k.id !== target.id && isLive(k, now));
    if (isLive(target, now) && !othersLive && !scope.confirmLast) return { ok: false, reason: 'last_active_key' } as const;
    await revokeApiKey(tx, { accountId: scope.accountId, id: target.id, revokedAt: now });
    return { ok: true } as const;
  });
}
