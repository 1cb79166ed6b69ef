import type { Backoff } from './backoff';
import type { Job, JobContext } from './runner';

/**
 * A job over a table of leased rows (webhook deliveries, emails): each tick claims as many due rows as there are
 * free slots — a lease stamped with FOR UPDATE SKIP LOCKED, so any number of runners share one table and each row
 * goes to one of them — and starts handling them, claiming again as soon as a slot frees. Handling settles a row
 * and clears its lease; a row whose handler throws keeps its lease until it runs out (as if its worker had died),
 * so a row that keeps failing is retried at the lease's pace. On stop: no new claims, the handlers in flight are
 * awaited, and every lease still held is released so another runner can take the row at once. A lease that has run
 * out is no longer this runner's to give back (another may have taken the row): each tick forgets those, so what
 * a runner remembers is the rows it claimed within the last lease, however long its handlers keep failing.
 */

export type Lease = { id: string; lockToken: string };

export type LeaseQueue<T extends Lease> = {
  name: string;
  /** Rows handled at once. */
  concurrency: number;
  idleMs: number;
  firstTickMs?: number;
  backoff?: Backoff;
  /** Leases up to `limit` due rows (SQL in db/queries). */
  claim(limit: number): Promise<T[]>;
  /** How long the lease `claim` stamps lasts. */
  leaseMs: number;
  /** The clock the leases run on, the one `claim` stamps them with (default: the system's). */
  now?: () => Date;
  /** Does the work and settles the row, which ends the lease. */
  handle(row: T): Promise<unknown>;
  /** Ends these leases unsettled, each only if still ours (matched on lockToken). */
  release(rows: T[]): Promise<unknown>;
  /** Closes what the queue opened (a mail transport), after the last row. */
  close?(): void;
};

export function leaseQueueJob<T extends Lease>(q: LeaseQueue<T>): Job {
  const now = q.now ?? (() => new Date());
  const inFlight = new Set<Promise<void>>();
  // Claimed and not settled: in flight, or left by a handler that threw, until the lease runs out.
  const held = new Map<string, { row: T; leaseEnds: number }>();
  let context: JobContext | undefined;

  const forgetLapsedLeases = () => {
    const at = now().getTime();
    // Past its end (as the claim query sees it: locked_until < now) another runner may hold the row.
    for (const [id, lease] of held) if (lease.leaseEnds < at) held.delete(id);
  };

  const start = (row: T, leaseEnds: number, ctx: JobContext) => {
    held.set(row.id, { row, leaseEnds });
    const run: Promise<void> = q
      .handle(row)
      .then(
        () => {
          if (held.get(row.id)?.row === row) held.delete(row.id);
        },
        (err: unknown) => {
          ctx.fail(new Error(`${row.id}: ${err instanceof Error ? err.message : String(err)}`));
        },
      )
      .finally(() => {
        inFlight.delete(run);
        ctx.wake();
      });
    inFlight.add(run);
  };

  return {
    name: q.name,
    idleMs: q.idleMs,
    firstTickMs: q.firstTickMs,
    backoff: q.backoff,
    tick: async (ctx) => {
      context = ctx;
      forgetLapsedLeases();
      const free = q.concurrency - inFlight.size;
      if (free <= 0) return 'idle';
      const rows = await q.claim(free);
      if (ctx.stopping.aborted) {
        // Stopped while claiming: hand these straight back rather than start them.
        await q.release(rows);
        return 'idle';
      }
      // Timed from after the claim returned, so never before the lease the database stamped ends.
      const leaseEnds = now().getTime() + q.leaseMs;
      for (const row of rows) start(row, leaseEnds, ctx);
      return rows.length === free ? 'more' : 'idle';
    },
    drain: async () => {
      await Promise.all(inFlight);
      const left = [...held.values()].map((lease) => lease.row);
      held.clear();
      try {
        if (left.length > 0) await q.release(left);
      } catch (err) {
        // Their leases run out on their own instead.
        context?.fail(err);
      } finally {
        q.close?.();
      }
    },
  };
}
