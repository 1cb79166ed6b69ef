import { startRunner, type Job, type Runner } from './runner';

/**
 * This process's runner. Kept on globalThis because Next loads a module more than once (instrumentation and
 * route bundles) and scripts/serve.ts, outside the bundle, must stop what boot started.
 */
const slot = globalThis as unknown as { __caisseJobs?: Promise<Runner> };

/** Starts the jobs `make` returns, once per process: later calls get the runner already started. */
export function startProcessRunner(make: () => Promise<Job[]>): Promise<Runner> {
  slot.__caisseJobs ??= make().then(
    (jobs) => startRunner(jobs),
    (err: unknown) => {
      // Nothing started: a later call may try again.
      slot.__caisseJobs = undefined;
      throw err;
    },
  );
  return slot.__caisseJobs;
}

/** Stops this process's jobs (if any started): the jobs in flight finish and leases still held are released. */
export async function stopProcessRunner(): Promise<void> {
  const runner = slot.__caisseJobs;
  slot.__caisseJobs = undefined;
  if (runner) await (await runner).stop();
}
