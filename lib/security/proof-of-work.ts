import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { Queryable } from '@/db/client';
import { hitRateLimit } from './rate-limit';
import { secretKey } from './secret-keys';

/** Declines on a session after which each card attempt must carry a solved proof-of-work (ALTCHA). */
export const CHALLENGE_AFTER_DECLINES = 3;

// About a second of hashing in a browser: cheap for one customer, costly for a card-testing script.
const MAX_NUMBER = 200_000;
const LIFETIME_MS = 10 * 60_000;

export async function newChallenge(db: Queryable, sessionId: string) {
  return createChallenge({
    hmacKey: secretKey('proof-of-work').toString('base64url'),
    maxNumber: MAX_NUMBER,
    expires: new Date(Date.now() + LIFETIME_MS),
    params: { session: sessionId },
  });
}

/** A solution counts once, for the session it was made for, before it expires. */
export async function acceptSolution(db: Queryable, sessionId: string, payload: unknown): Promise<boolean> {
  if (typeof payload !== 'string' || payload.length > 2000) return false;
  let challenge: unknown;
  try {
    challenge = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')).challenge;
  } catch {
    return false;
  }
  if (typeof challenge !== 'string' || !(await verifySolution(payload, secretKey('proof-of-work').toString('base64url'), true))) return false;
  if (extractParams(payload).session !== sessionId) return false;
  return hitRateLimit(db, { key: `altcha:${challenge}`, limit: 1, windowSeconds: 3600 });
}
