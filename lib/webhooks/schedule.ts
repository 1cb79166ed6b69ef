/**
 * When a failed delivery is tried again. The first retry is immediate (most
 * first failures are a blip: a deploy, a dropped connection), then the gaps
 * grow so a receiver that is down for a day still gets every event once it
 * is back, without being hammered meanwhile. Eleven attempts over ~2.6 days;
 * the endpoint-level "failing for 3 days" rule outlives any one delivery.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** RETRY_DELAYS_MS[n - 1] is the wait after the n-th failed attempt. */
export const RETRY_DELAYS_MS = [
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
  10 * HOUR,
  24 * HOUR,
] as const;

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

// Spreads the retries of many deliveries that failed together (one endpoint
// down, many events) so they do not all come back in the same instant.
const JITTER = 0.1;

/**
 * The wait in ms after `attemptsMade` failed attempts, with ±10% jitter from
 * `random` (0 ≤ r < 1), or null when the delivery has had all its attempts.
 */
export function retryDelayMs(attemptsMade: number, random: () => number): number | null {
  if (attemptsMade < 1 || attemptsMade >= MAX_ATTEMPTS) return null;
  const base = RETRY_DELAYS_MS[attemptsMade - 1];
  return Math.round(base * (1 + (random() * 2 - 1) * JITTER));
}
