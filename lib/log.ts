import pino, { type Logger } from 'pino';

/**
 * The server's log: one JSON object per line on stdout (pino), with the request id where there is one. What goes in
 * is chosen field by field, never a request body, a card, a key or a secret; the redaction below is a second guard
 * for the header and field names that could carry one. Written asynchronously (buffered, flushed as the process
 * exits): a synchronous write to a pipe whose reader is slow would stall every request behind it. Kept on
 * globalThis: scripts/serve.ts and Next's copies of the modules share one logger.
 */
const slot = globalThis as unknown as { __caisseLog?: Logger };

const REDACTED = ['authorization', 'cookie', 'card', 'number', 'cvc', 'secret'];

export function log(): Logger {
  return (slot.__caisseLog ??= pino(
    {
      level: process.env.LOG_LEVEL ?? 'info',
      base: { pid: process.pid },
      redact: { paths: REDACTED.flatMap((name) => [name, `*.${name}`]), censor: '[redacted]' },
    },
    pino.destination({ dest: 1, sync: false }),
  ));
}

/** An error's message alone, for the log where the error came from outside (a processor) and its details are not ours to keep. */
export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
