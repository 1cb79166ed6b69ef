/** How long a job's loop waits after a tick; the one schedule every background job shares. */

export type Backoff = { firstMs: number; maxMs: number };

// A database that is down is retried gently, not twice a second: 5 s, 10 s, 20 s, … up to a minute.
export const DEFAULT_BACKOFF: Backoff = { firstMs: 5000, maxMs: 60_000 };

/**
 * 'more' (the tick filled its batch, so more may be waiting): at once. 'idle': after `idleMs`. After the nth
 * error in a row: `firstMs` doubled n − 1 times, at most `maxMs`, and never less than the idle wait.
 */
export function nextDelayMs(p: { outcome: 'more' | 'idle' | 'error'; failures: number; idleMs: number; backoff: Backoff }): number {
  if (p.outcome === 'more') return 0;
  if (p.outcome === 'idle') return p.idleMs;
  const doubled = p.backoff.firstMs * 2 ** Math.min(Math.max(p.failures - 1, 0), 30);
  return Math.max(p.idleMs, Math.min(p.backoff.maxMs, doubled));
}
