import { createHash } from 'node:crypto';
import type { Queryable } from '@/db/client';
import { deletePassSignIn, insertPassSignIn, passOfSignIn, type PassRow } from '@/db/queries/passes';
import { randomBase62 } from '@/lib/util/ids';
import { PASS_SIGN_IN_MINUTES } from './pass-rules';

/** The cookie that carries a browser's Pass sign-in, scoped to one checkout page's path. */
export const PASS_COOKIE = 'caisse_pass';

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
/** A cookie's value worth hashing: a token is 43 characters. */
const isToken = (token: string | null | undefined): token is string => !!token && token.length <= 100;

/** Signs a browser in to the Pass on one session's page: the token goes to its cookie, only its hash is kept. */
export async function signInToPass(db: Queryable, p: { passId: string; sessionId: string; now: Date }): Promise<string> {
  const token = randomBase62(43);
  await insertPassSignIn(db, {
    tokenHash: hashToken(token),
    passId: p.passId,
    checkoutSessionId: p.sessionId,
    expiresAt: new Date(p.now.getTime() + PASS_SIGN_IN_MINUTES * 60_000),
    createdAt: p.now,
  });
  return token;
}

/** The Pass this cookie signs in to on this session's page: a token of another session's page opens nothing. */
export async function signedInPass(
  db: Queryable,
  p: { sessionId: string; token: string | null | undefined; now: Date },
): Promise<PassRow | null> {
  if (!isToken(p.token)) return null;
  return passOfSignIn(db, { tokenHash: hashToken(p.token), checkoutSessionId: p.sessionId, now: p.now });
}

export async function signOutOfPass(db: Queryable, token: string | null | undefined): Promise<void> {
  if (isToken(token)) await deletePassSignIn(db, hashToken(token));
}
