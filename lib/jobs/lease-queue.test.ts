import { describe, expect, it } from 'vitest';
import { claimDueEmails, releaseEmailClaims } from '@/db/queries/email-outbox';
import { emailJob, sendClaimed } from '@/lib/receipts/send-emails';
import { leaseQueueJob } from './lease-queue';
import { sleep, startRunner, type Runner } from './runner';
import { emailRows, gate, queueEmails, recordingMailer, until, outboxDatabase } from './testing/outbox';

// The runner over the real email outbox (lib/receipts/send-emails.ts) on a real database: leases that outlive
// their runner, a graceful stop, and the backoff after a failing handler. Clocks are injected, never waited out.
const db = outboxDatabase('caisse_jobs_lease');
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);
const quiet = { log: () => {} };

describe('leases', () => {
  it('a runner dies mid-send holding its lease → other runners leave the email alone until the lease runs out, then exactly one sends it', async () => {
    const t0 = new Date(Date.now() + 1000);
    await queueEmails(db(), ['em_orphan'], t0);

    // The dying runner: its send never comes back, so it neither settles nor releases the email.
    const hang = gate();
    const dead = recordingMailer({ gate: hang.promise });
    const dying = startRunner([emailJob(db(), { mailer: dead.mailer, now: t0, intervalMs: 5 })], quiet);
    await until(() => dead.started.length === 1, 'the first runner sending');
    const [held] = await emailRows(db());
    expect(held).toMatchObject({ status: 'pending', attempts: 0 });
    expect(held.lockedUntil).toEqual(at(t0, 120));

    // A minute later, a live runner polls again and again and finds nothing it may take.
    let ticks = 0;
    const early = recordingMailer();
    const live = startRunner([emailJob(db(), { mailer: early.mailer, now: at(t0, 60), intervalMs: 5 })], {
      ...quiet,
      wait: (ms, cut) => {
        ticks++;
        return sleep(ms, cut);
      },
    });
    await until(() => ticks >= 5, 'five polls inside the lease');
    await live.stop();
    expect(early.started).toEqual([]);

    // Past the lease, the next runner takes it over and sends it.
    const late = recordingMailer();
    const heir = startRunner([emailJob(db(), { mailer: late.mailer, now: at(t0, 121), intervalMs: 5 })], quiet);
    await until(async () => (await emailRows(db()))[0].status === 'sent', 'the email sent after the lease');
    await heir.stop();
    expect(late.sent).toEqual(['em_orphan']);
    expect((await emailRows(db()))[0]).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null });

    // The dead runner coming back to life cannot overwrite the new owner's outcome.
    hang.open();
    await dying.stop();
    expect((await emailRows(db()))[0]).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null });
  });
});

describe('stop()', () => {
  it('while two sends are in flight → both finish and are recorded before stop resolves; nothing more is claimed', async () => {
    await queueEmails(db(), ['em_a', 'em_b', 'em_c']);
    const hold = gate();
    const mail = recordingMailer({ gate: hold.promise });
    const runner = startRunner([emailJob(db(), { mailer: mail.mailer, concurrency: 2, intervalMs: 5 })], quiet);
    await until(() => mail.started.length === 2, 'two sends in flight');

    let sentWhenStopped: string[] | undefined;
    const stopped = runner.stop().then(() => {
      sentWhenStopped = [...mail.sent];
    });
    const inFlight = (await emailRows(db())).filter((r) => r.lockedUntil !== null).map((r) => r.id);
    expect(inFlight.sort()).toEqual([...mail.started].sort());
    expect(sentWhenStopped).toBeUndefined(); // still waiting for the sends
    hold.open();
    await stopped;

    expect(sentWhenStopped?.sort()).toEqual([...mail.started].sort());
    expect(mail.sent.sort()).toEqual([...mail.started].sort());
    const rows = await emailRows(db());
    expect(rows.filter((r) => r.status === 'sent').map((r) => r.id)).toEqual([...mail.started].sort());
    expect(rows.every((r) => r.lockedUntil === null)).toBe(true);
    const [left] = rows.filter((r) => !mail.started.includes(r.id));
    expect(left).toMatchObject({ status: 'pending', attempts: 0, lockedUntil: null });
  });

  it('arriving while a claim is under way → the rows just claimed are released unsent, due again at once', async () => {
    await queueEmails(db(), ['em_d', 'em_e']);
    let stopping: Promise<void> | undefined;
    const handled: string[] = [];
    const job = leaseQueueJob({
      name: 'emails',
      concurrency: 5,
      idleMs: 5,
      leaseMs: 120_000,
      claim: async (limit) => {
        const rows = await claimDueEmails(db(), { limit, leaseSeconds: 120 });
        stopping = runner.stop(); // SIGTERM lands between the claim and the sends
        return rows;
      },
      handle: (row) => {
        handled.push(row.id);
        return Promise.resolve();
      },
      release: (rows) => releaseEmailClaims(db(), rows),
    });
    const runner: Runner = startRunner([job], quiet);
    await until(() => stopping !== undefined, 'the claim');
    await stopping;

    expect(handled).toEqual([]);
    const rows = await emailRows(db());
    expect(rows.map((r) => [r.id, r.status, r.lockedUntil])).toEqual([
      ['em_d', 'pending', null],
      ['em_e', 'pending', null],
    ]);
    expect(await claimDueEmails(db(), { limit: 5, leaseSeconds: 120 })).toHaveLength(2);
  });

  it('after a handler threw → its lease, kept while running, is released on stop', async () => {
    await queueEmails(db(), ['em_f']);
    const job = leaseQueueJob({
      name: 'emails',
      concurrency: 1,
      idleMs: 5,
      claim: (limit) => claimDueEmails(db(), { limit, leaseSeconds: 120 }),
      leaseMs: 120_000,
      handle: () => Promise.reject(new Error('the database went away mid-settle')),
      release: (rows) => releaseEmailClaims(db(), rows),
    });
    const errors: string[] = [];
    const runner = startRunner([job], { log: (line) => errors.push(line), wait: (ms, cut) => sleep(Math.min(ms, 5), cut) });
    await until(() => errors.length > 0, 'the handler failing');
    expect((await emailRows(db()))[0].lockedUntil).not.toBeNull();
    await runner.stop();
    expect(errors[0]).toMatch(/em_f: the database went away mid-settle/);
    expect((await emailRows(db()))[0]).toMatchObject({ status: 'pending', attempts: 0, lockedUntil: null });
  });
});

describe('pace', () => {
  it('a tick that fills every free slot → the next runs at once, without the idle wait; one that does not → the idle wait', async () => {
    await queueEmails(db(), ['em_h1', 'em_h2', 'em_h3', 'em_h4', 'em_h5']);
    const hold = gate();
    const mail = recordingMailer({ gate: hold.promise });
    const job = emailJob(db(), { mailer: mail.mailer, concurrency: 2, intervalMs: 100 });
    const trace: string[] = [];
    const traced = {
      ...job,
      tick: async (ctx: Parameters<typeof job.tick>[0]) => {
        const outcome = await job.tick(ctx);
        trace.push(`tick ${outcome}`);
        return outcome;
      },
    };
    const drained = gate();
    const runner = startRunner([traced], {
      ...quiet,
      // Recorded, not slept: the held sends go through, and the wait ends once the outbox has settled them.
      wait: async (ms) => {
        trace.push(`wait ${ms}`);
        hold.open();
        await until(async () => (await emailRows(db())).every((r) => r.lockedUntil === null), 'the sends settled');
        if ((await emailRows(db())).every((r) => r.status === 'sent')) drained.open();
      },
    });
    await drained.promise;
    await runner.stop();

    // Two claimed (every free slot): at once again; no slot free: the idle wait; the sends done: two more at once.
    expect(trace.slice(0, 4)).toEqual(['tick more', 'tick idle', 'wait 100', 'tick more']);
    expect(mail.sent.sort()).toEqual(['em_h1', 'em_h2', 'em_h3', 'em_h4', 'em_h5']);
  });
});

describe('backoff', () => {
  it('a handler failing three times in a row → the loop waits 5 s, 10 s, 20 s, and back to its idle interval once it succeeds', async () => {
    const t0 = new Date(Date.now() + 1000);
    await queueEmails(db(), ['em_g'], t0);
    const mail = recordingMailer();
    let clock = t0;
    const handlers: Promise<unknown>[] = [];
    let calls = 0;
    const job = leaseQueueJob({
      name: 'emails',
      concurrency: 1,
      idleMs: 100,
      // Each claim is 121 s after the last, so a lease left by a failed handler has run out by the next one.
      claim: (limit) => {
        clock = at(clock, 121);
        return claimDueEmails(db(), { limit, leaseSeconds: 120, now: clock });
      },
      leaseMs: 120_000,
      now: () => clock,
      handle: (row) => {
        const run = (async () => {
          await new Promise((r) => setImmediate(r));
          if (++calls <= 3) throw new Error(`refused ${calls}`);
          return sendClaimed(db(), row, mail.mailer, { from: 'shop@example.com', now: clock });
        })();
        handlers.push(run.catch(() => {}));
        return run;
      },
      release: (rows) => releaseEmailClaims(db(), rows),
    });
    // The waits are recorded, not slept: each ends once the handlers started so far have settled.
    const waits: number[] = [];
    const enough = gate();
    const runner = startRunner([job], {
      log: () => {},
      wait: async (ms) => {
        waits.push(ms);
        if (waits.length >= 6) enough.open();
        await Promise.all(handlers);
        await new Promise((r) => setImmediate(r));
      },
    });
    await enough.promise;
    await runner.stop();

    expect(waits.slice(0, 6)).toEqual([100, 5000, 10_000, 20_000, 100, 100]);
    expect(mail.sent).toEqual(['em_g']);
    expect((await emailRows(db()))[0]).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null });
  });
});

describe('leases held after a failure', () => {
  it('a handler failing row after row for hours → the runner forgets each lease once it ran out; stop releases only the ones still running', async () => {
    // No database: the rows are made up, the clock injected. Each claim comes a minute after the last, with a 150 s lease.
    const leaseMs = 150_000;
    let clock = new Date('2026-06-01T12:00:00Z');
    let claimed = 0;
    const released: string[] = [];
    const handlers: Promise<unknown>[] = [];
    const allClaimed = gate();
    const job = leaseQueueJob({
      name: 'failing',
      concurrency: 1,
      idleMs: 5,
      claim: () => {
        if (claimed === 200) {
          allClaimed.open();
          return Promise.resolve([]);
        }
        clock = at(clock, 60);
        claimed++;
        return Promise.resolve([{ id: `row_${claimed}`, lockToken: clock.toISOString() }]);
      },
      leaseMs,
      now: () => clock,
      handle: (row) => {
        const run = Promise.reject(new Error(`${row.id} refused`));
        handlers.push(run.catch(() => {}));
        return run;
      },
      release: (rows) => {
        released.push(...rows.map((r) => r.id));
        return Promise.resolve();
      },
    });
    // The waits are not slept: each ends once the handlers started so far have failed.
    const runner = startRunner([job], {
      log: () => {},
      wait: async () => {
        await Promise.all(handlers);
        await new Promise((r) => setImmediate(r));
      },
    });
    await allClaimed.promise;
    await runner.stop();

    // 200 rows failed over 200 minutes; only the leases of the last three (claimed 2, 1 and 0 minutes before) still ran.
    expect(claimed).toBe(200);
    expect(released).toEqual(['row_198', 'row_199', 'row_200']);
  });
});
