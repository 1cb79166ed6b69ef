import { createHash } from 'node:crypto';
import type { Queryable } from '@/db/client';
import { findActiveKeyByHash, type KeyOwner } from '@/db/queries/api-keys';
import { ApiError } from './errors';

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Bearer <key>, or HTTP Basic with the key as the user name (curl -u sk_test_…:). */
export function keyFromAuthorization(header: string | null): string | null {
  if (!header) return null;
  // Everything after the scheme is the credential: "Bearer <key> junk" is a wrong key, not <key>.
  const match = /^(\S+)\s+(.+)$/.exec(header.trim());
  if (!match) return null;
  const [, scheme, value] = match;
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const user = decoded.split(':')[0];
    return user || null;
  }
  return null;
}

// Stripe answers 401s with type invalid_request_error; its SDKs raise their authentication error by the status.
const unauthenticated = (message: string) => new ApiError({ status: 401, type: 'invalid_request_error', message });

/**
 * The account a request acts for. Keys are looked up by their SHA-256 through a
 * unique index: the comparison is of hashes of ≥128-bit secrets, so it leaks
 * nothing usable through timing.
 */
export async function authenticate(db: Queryable, header: string | null, allow: 'secret' | 'any'): Promise<KeyOwner> {
  const key = keyFromAuthorization(header);
  if (!key)
    throw unauthenticated(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  const owner = /^[sp]k_(test|live)_[A-Za-z0-9_]+$/.test(key) ? await findActiveKeyByHash(db, hashKey(key), new Date()) : null;
  if (!owner) throw unauthenticated(`Invalid API Key provided: ${redactKey(key)}`);
  if (allow === 'secret' && owner.kind !== 'secret')
    throw unauthenticated('This API call cannot be made with a publishable API key. Please use a secret API key.');
  return owner;
}

export function redactKey(key: string): string {
  return key.length <= 12 ? '*'.repeat(key.length) : `${key.slice(0, 8)}${'*'.repeat(Math.min(key.length - 12, 20))}${key.slice(-4)}`;
}

/**
 * Caisse has no Connect: a `Stripe-Account` header naming any account but the key's own gets Stripe's
 * answer for an account the key cannot act for, rather than being ignored (which would act on the
 * key's own account instead).
 */
export function checkStripeAccount(header: string | null, authorization: string | null, owner: KeyOwner): void {
  if (header === null || header === owner.accountId) return;
  const key = redactKey(keyFromAuthorization(authorization) ?? '');
  throw new ApiError({
    status: 403,
    type: 'invalid_request_error',
    code: 'account_invalid',
    message: `The provided key '${key}' does not have access to account '${header}' (or that account does not exist). Application access may have been revoked. Caisse has no connected accounts: send requests without a Stripe-Account header.`,
  });
}
