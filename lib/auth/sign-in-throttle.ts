import { createHash } from 'node:crypto';
import type { Queryable } from '@/db/client';
import { takeBackRateLimitHits } from '@/db/queries/rate-limits';
import { hitRateLimit } from '@/lib/security/rate-limit';

/**
 * Slows password guessing without letting anyone lock an owner out. Failures are counted per
 * (email, client) and per client, never per email alone: an attacker's failures on an email count
 * against the attacker's client only, so the owner's own client still signs in with the password,
 * and anyone can sign in with a one-time link sent to the address. Past its limit, a client's
 * password no longer decides alone on that email (`link_required`); a client rotating emails
 * (password spraying) is stopped by its own limit (`client_blocked`).
 */

export const PER_EMAIL_AND_CLIENT = { limit: 5, windowSeconds: 15 * 60 };
export const PER_CLIENT = { limit: 30, windowSeconds: 15 * 60 };

// Keys hold no email or address in clear.
const digest = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 32);
const pairKey = (email: string, client: string) => `dashboard-signin-fail:${digest(`${email}\n${client}`)}`;
const clientKey = (client: string) => `dashboard-signin-fail-client:${digest(client)}`;

export type Gate = 'open' | 'client_blocked' | 'link_required';

export type Attempt = {
  gate: Gate;
  /** The attempt succeeded: it is no failure, so it stops counting. */
  succeeded: () => Promise<void>;
};

/**
 * Counts the attempt before the password is checked (so guesses sent in parallel cannot slip past
 * the limit) and says whether the password may decide it.
 */
export async function openAttempt(db: Queryable, p: { email: string; client: string; now?: Date }): Promise<Attempt> {
  const now = p.now ?? new Date();
  const keys = [pairKey(p.email, p.client), clientKey(p.client)];
  // One after the other: on PGlite (and in a transaction) a connection runs one query at a time.
  const pairOk = await hitRateLimit(db, { key: keys[0], ...PER_EMAIL_AND_CLIENT, now });
  const clientOk = await hitRateLimit(db, { key: keys[1], ...PER_CLIENT, now });
  const gate: Gate = !clientOk ? 'client_blocked' : !pairOk ? 'link_required' : 'open';
  return {
    gate,
    succeeded: async () => {
      // Both limits use the same window, so the rows hitRateLimit counted in share its start.
      const window = PER_CLIENT.windowSeconds * 1000;
      const windowStart = new Date(Math.floor(now.getTime() / window) * window);
      await takeBackRateLimitHits(db, { keys, windowStart });
    },
  };
}
