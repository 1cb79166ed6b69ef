import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from './concurrency-limit';

// A response as the limit sees it: something that closes once, when sent or when its client leaves.
const response = () => new EventEmitter() as unknown as ServerResponse;
const close = (res: ServerResponse) => res.emit('close');

describe('concurrencyLimit', () => {
  it('runs as many as the limit at once, the next in line as each one closes', () => {
    const limit = concurrencyLimit(2);
    const started: number[] = [];
    const responses = [0, 1, 2, 3].map((i) => {
      const res = response();
      limit(res, () => started.push(i));
      return res;
    });
    expect(started).toEqual([0, 1]);
    close(responses[1]);
    expect(started).toEqual([0, 1, 2]);
    close(responses[0]);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('drops from the line a request whose client left while it waited, and gives its turn to the next', () => {
    const limit = concurrencyLimit(1);
    const started: number[] = [];
    const responses = [0, 1, 2].map((i) => {
      const res = response();
      limit(res, () => started.push(i));
      return res;
    });
    close(responses[1]);
    close(responses[0]);
    expect(started).toEqual([0, 2]);
    // The slot is free again once the last closes: a new request starts at once.
    close(responses[2]);
    limit(response(), () => started.push(3));
    expect(started).toEqual([0, 2, 3]);
  });

  it('never runs more than the limit, starts every request that stays, in order, and frees every slot (any interleaving)', () => {
    const step = fc.oneof(fc.constant({ kind: 'arrive' as const }), fc.record({ kind: fc.constant('close' as const), pick: fc.nat() }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(step, { maxLength: 60 }), (max, steps) => {
        const limit = concurrencyLimit(max);
        const open: { res: ServerResponse; id: number }[] = [];
        const running = new Set<number>();
        const started: number[] = [];
        const left = new Set<number>();
        let id = 0;
        for (const s of steps) {
          if (s.kind === 'arrive') {
            const me = id++;
            const res = response();
            res.once('close', () => running.delete(me));
            limit(res, () => {
              running.add(me);
              started.push(me);
            });
            open.push({ res, id: me });
          } else if (open.length) {
            const [gone] = open.splice(s.pick % open.length, 1);
            if (!running.has(gone.id)) left.add(gone.id);
            close(gone.res);
          }
          expect(running.size).toBeLessThanOrEqual(max);
          // Nobody waits while a slot is free.
          const waiting = open.filter((o) => !running.has(o.id));
          if (waiting.length) expect(running.size).toBe(max);
        }
        expect(started).toEqual([...started].sort((a, b) => a - b));
        for (const gone of left) expect(started).not.toContain(gone);
        // Once everything has closed, the whole limit is free again.
        for (const o of open.splice(0)) close(o.res);
        const fresh = Array.from({ length: max }, () => response());
        let ran = 0;
        for (const res of fresh) limit(res, () => ran++);
        expect(ran).toBe(max);
      }),
    );
  });
});
