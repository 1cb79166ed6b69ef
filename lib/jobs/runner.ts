import { DEFAULT_BACKOFF, nextDelayMs, type Backoff } from './backoff';
import { log } from '@/lib/log';

/**
 * The one loop every background job runs on (webhook deliveries, emails, the sweeps): tick, then wait —
 * not at all when the tick filled its batch, `idleMs` when it did not, a growing backoff after errors —
 * until stopped. `stop()` lets the tick in flight finish, then the job's `drain()` (work still running in
 * the background, leases still held), and resolves when all of that is done.
 */

export type TickOutcome = 'more' | 'idle';

export type JobContext = {
  /** Aborted once stop() is called: a tick should take on nothing new (and give back what it just took). */
  readonly stopping: AbortSignal;
  /** Cuts the idle wait short (a slot came free); a tick that is running is followed by another at once. */
  wake(): void;
  /** An error outside tick() (in work it left running): logged, and the loop backs off after its next tick. */
  fail(err: unknown): void;
};

export type Job = {
  name: string;
  /** The wait after a tick that found less than a full batch. */
  idleMs: number;
  /** The wait before the first tick (default none). */
  firstTickMs?: number;
  backoff?: Backoff;
  /** One pass: 'more' when it filled its batch (run again at once), else 'idle'. A throw backs the loop off. */
  tick(ctx: JobContext): Promise<TickOutcome>;
  /** On stop, after the last tick: finish the work still in flight and give back whatever is still held. */
  drain?(): Promise<void>;
};

export type RunnerOptions = {
  log?: (line: string) => void;
  /** How a loop waits: resolves after `ms`, or early once `cut` aborts. Tests inject one that records the waits. */
  wait?: (ms: number, cut: AbortSignal) => Promise<void>;
};

export type Runner = { readonly jobs: readonly string[]; stop(): Promise<void> };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function sleep(ms: number, cut: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (cut.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      cut.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    cut.addEventListener('abort', done, { once: true });
  });
}

/** Starts one loop per job; stop() stops them all and resolves once every one has drained. */
export function startRunner(jobs: Job[], opts: RunnerOptions = {}): Runner {
  const say =
    opts.log ??
    ((line) => {
      log().error(line);
    });
  const wait = opts.wait ?? sleep;
  const stopping = new AbortController();
  const loops = jobs.map((job) => runLoop(job, stopping.signal, say, wait));
  return {
    jobs: jobs.map((j) => j.name),
    stop: async () => {
      stopping.abort();
      await Promise.all(loops);
    },
  };
}

async function runLoop(job: Job, stopping: AbortSignal, log: (line: string) => void, wait: NonNullable<RunnerOptions['wait']>) {
  const stopped = () => stopping.aborted;
  // Counters rather than flags: the callbacks below change them while the loop awaits.
  let failures = 0;
  let backgroundFailures = 0;
  let wakes = 0;
  let cut = new AbortController();
  const ctx: JobContext = {
    stopping,
    wake: () => {
      wakes++;
      cut.abort();
    },
    fail: (err) => {
      backgroundFailures++;
      log(`[jobs] ${job.name}: ${message(err)}`);
    },
  };
  const onStop = () => {
    cut.abort();
  };
  stopping.addEventListener('abort', onStop);

  let delay = job.firstTickMs ?? 0;
  while (!stopped()) {
    // A backoff is cut short by stop() only; an idle wait by wake() too, or skipped if a wake came during the tick.
    const backingOff = failures > 0;
    if (delay > 0 && (backingOff || wakes === 0)) {
      cut = new AbortController();
      await wait(delay, backingOff ? stopping : cut.signal);
      if (stopped()) break;
    }
    wakes = 0;
    let outcome: TickOutcome | 'error';
    try {
      outcome = await job.tick(ctx);
    } catch (err) {
      outcome = 'error';
      log(`[jobs] ${job.name}: ${message(err)}`);
    }
    if (backgroundFailures > 0) {
      outcome = 'error';
      backgroundFailures = 0;
    }
    failures = outcome === 'error' ? failures + 1 : 0;
    delay = nextDelayMs({ outcome, failures, idleMs: job.idleMs, backoff: job.backoff ?? DEFAULT_BACKOFF });
  }
  stopping.removeEventListener('abort', onStop);
  if (job.drain) {
    try {
      await job.drain();
    } catch (err) {
      log(`[jobs] ${job.name}: stopping: ${message(err)}`);
    }
  }
}
