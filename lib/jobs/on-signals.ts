import { log } from '@/lib/log';

/**
 * Graceful stop for a process running jobs: on the first SIGTERM or SIGINT, `shutdown` runs (stop taking work,
 * let what is in flight finish, release leases, close the database) and the process exits 0, or 1 if it threw.
 * A second signal exits at once, for an operator who will not wait.
 */
export function exitOnSignals(
  shutdown: () => Promise<void>,
  say: (line: string) => void = (line) => {
    log().info(line);
  },
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      say(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    say(`${signal}: stopping after the jobs in flight`);
    shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        log().error({ err }, 'the graceful stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
