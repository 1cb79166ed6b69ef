import { randomInt } from 'node:crypto';
import { createChallenge, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Queryable } from '@/db/client';
import { hitRateLimit } from './rate-limit';
import { secretKey } from './secret-keys';

/**
 * Proof-of-work (ALTCHA v2, self-hosted) for attempts that look automated. Each challenge is
 * deterministic: the server picks the counter, so the solver must derive at least
 * `baseCounter × 2^(level−1)` PBKDF2 keys of `cost` iterations before it finds it — a floor on
 * the work, not just an average — while checking a solution costs one HMAC.
 * Measured in Chromium on this project's 2-core machine (`npm run bench:proof-of-work`, bench/proof-of-work.json):
 * about 1.6 ms a counter when idle, so a level-1 solve (counter 800–1600) takes about 1.3–2.6 s and each level doubles it.
 */
export const PROOF_OF_WORK = { algorithm: 'PBKDF2/SHA-256', cost: 10_000, baseCounter: 800, maxLevel: 5, lifetimeMs: 10 * 60_000 } as const;

export type ProofChallenge = Challenge;

const signatureSecret = () => secretKey('proof-of-work').toString('base64url');
const keySignatureSecret = () => secretKey('proof-of-work-keys').toString('base64url');

/** The counter range a level draws from: doubling with each level, capped at maxLevel. */
export function counterRange(level: number): [number, number] {
  const lo = PROOF_OF_WORK.baseCounter * 2 ** (Math.min(Math.max(level, 1), PROOF_OF_WORK.maxLevel) - 1);
  return [lo, 2 * lo];
}

/** A challenge for `scope` (a checkout session id, a sign-in) at `level` (1 … maxLevel). */
export async function newChallenge(p: { scope: string; level: number; now?: Date }): Promise<ProofChallenge> {
  const [lo, hi] = counterRange(p.level);
  return createChallenge({
    algorithm: PROOF_OF_WORK.algorithm,
    cost: PROOF_OF_WORK.cost,
    counter: randomInt(lo, hi),
    deriveKey,
    data: { scope: p.scope, level: Math.min(p.level, PROOF_OF_WORK.maxLevel) },
    expiresAt: new Date((p.now ?? new Date()).getTime() + PROOF_OF_WORK.lifetimeMs),
    hmacSignatureSecret: signatureSecret(),
    hmacKeySignatureSecret: keySignatureSecret(),
  });
}

/** The solved payload the browser posts: base64 of `{challenge, solution}`. */
function decodePayload(payload: unknown): { challenge: Challenge; solution: { counter: number; derivedKey: string } } | null {
  if (typeof payload !== 'string' || payload.length > 4000) return null;
  try {
    // The browser's JSON: `null` parses too.
    const parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as {
      challenge?: Challenge;
      solution?: { counter: number; derivedKey: string };
    } | null;
    return parsed?.challenge?.parameters && parsed.solution ? { challenge: parsed.challenge, solution: parsed.solution } : null;
  } catch {
    return null;
  }
}

/** A solution counts once, for the scope it was made for, at the level now required or above, before it expires. */
export async function acceptSolution(db: Queryable, p: { scope: string; level: number; payload: unknown }): Promise<boolean> {
  const decoded = decodePayload(p.payload);
  if (!decoded) return false;
  const { challenge, solution } = decoded;
  const data = challenge.parameters.data ?? {};
  if (data.scope !== p.scope || typeof data.level !== 'number' || data.level < Math.min(p.level, PROOF_OF_WORK.maxLevel)) return false;
  if (challenge.parameters.algorithm !== PROOF_OF_WORK.algorithm || challenge.parameters.cost !== PROOF_OF_WORK.cost) return false;
  const result = await verifySolution({
    challenge,
    solution,
    deriveKey,
    hmacSignatureSecret: signatureSecret(),
    hmacKeySignatureSecret: keySignatureSecret(),
  }).catch(() => null);
  if (!result?.verified) return false;
  return hitRateLimit(db, { key: `pow:${challenge.signature}`, limit: 1, windowSeconds: 3600 });
}
