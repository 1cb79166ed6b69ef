import type { ServerResponse } from 'node:http';

/**
 * At most `limit` responses in the making at a time; the requests past it wait their turn, first come first served.
 * A response's slot is given back once it has been sent or its connection has closed; a request whose client left
 * while it waited is dropped from the line.
 */
export function concurrencyLimit(limit: number) {
  let active = 0;
  const waiting = new Set<() => void>();
  const next = () => {
    const start: (() => void) | undefined = waiting.values().next().value;
    if (!start) {
      active--;
      return;
    }
    waiting.delete(start);
    start();
  };
  return (res: ServerResponse, run: () => void) => {
    const start = () => {
      res.once('close', next);
      run();
    };
    if (active < limit) {
      active++;
      start();
      return;
    }
    waiting.add(start);
    res.once('close', () => waiting.delete(start));
  };
}
