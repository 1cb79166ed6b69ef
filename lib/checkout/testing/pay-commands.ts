import type fc from 'fast-check';
import { expect } from 'vitest';
import { completeChallenge } from '../authenticate';
import { confirmPayment } from '../confirm-payment';
import { payForm, type CardName } from './checkout-world';
import type { CheckoutSystem } from './checkout-system';
import { describeResult, isAttempt, SessionCommand, type Cmd, type Model } from './model-command';

// The model's paying commands: a customer pays, the processor answers (in time or late), a 3-D Secure
// challenge ends, the process running an attempt dies, several customers pay at once.

export class Pay extends SessionCommand {
  constructor(
    index: number,
    readonly card: CardName,
  ) {
    super(index);
  }
  async act(sys: CheckoutSystem, sessionId: string) {
    const before = await sys.state(sessionId);
    const out = await sys.start(sessionId, () =>
      confirmPayment(sys.db, { sessionId, form: payForm(this.card), clientKey: sys.clientKey, processor: sys.processor, now: sys.now }),
    );
    if (isAttempt(out)) {
      // Only an open session within its time, with no other attempt in flight, charges.
      expect(before.session.status).toBe('open');
      expect(before.session.expiresAt > sys.now).toBe(true);
      expect(['processing', 'requires_action'].includes(before.intent?.status ?? '')).toBe(false);
      return;
    }
    const r = out;
    if (before.session.status === 'complete') expect(r.state, describeResult(r)).toBe('complete');
    else if (before.session.status === 'expired' || before.session.expiresAt <= sys.now)
      expect(r, describeResult(r)).toEqual({ state: 'closed', status: 'expired' });
    else if (before.intent?.status === 'processing' || before.intent?.status === 'requires_action')
      expect(r).toEqual({ state: 'refused', reason: 'in_progress' });
    else expect(['refused', 'invalid'], describeResult(r)).toContain(r.state);
    if (r.state === 'invalid') expect(r.errors.promotion_code).toBe('discount_removed_exhausted');
  }
  toString = () => `pay(#${this.index}, ${this.card})`;
}

export class Answer extends SessionCommand {
  constructor(
    index: number,
    readonly late: boolean,
  ) {
    super(index);
  }
  async act(sys: CheckoutSystem, sessionId: string) {
    const attempt = sys.attemptFor(sessionId, { lost: this.late });
    if (!attempt) return;
    const before = await sys.state(sessionId);
    const stillItsOwn = before.intent?.status === 'processing' && before.intent.attemptId === attempt.attemptId;
    const r = await sys.answer(attempt);
    const entry = sys.processor.ledger.get(attempt.attemptId);
    if (!entry) throw new Error(`the processor has no ledger entry for attempt ${attempt.attemptId}`);
    if (!stillItsOwn) {
      // Given up by the sweep meanwhile: whatever the processor says now takes no money, and the customer sees the session as it is.
      expect(entry.charged && !entry.reversed).toBe(false);
      const now = (await sys.state(sessionId)).session.status;
      if (now === 'complete') expect(r.state).toBe('complete');
      else if (now === 'expired') expect(r).toEqual({ state: 'closed', status: 'expired' });
      else expect(r).toEqual({ state: 'declined', message: 'decline.processing_error' });
    } else if (entry.charged) expect(r.state, describeResult(r)).toBe('complete');
    else expect(['declined', 'requires_action'], describeResult(r)).toContain(r.state);
  }
  toString = () => `${this.late ? 'late answer' : 'answer'}(#${this.index})`;
}

export class Challenge extends SessionCommand {
  constructor(
    index: number,
    readonly result: 'complete' | 'fail',
  ) {
    super(index);
  }
  async act(sys: CheckoutSystem, sessionId: string) {
    const before = await sys.state(sessionId);
    const out = await sys.start(sessionId, () =>
      completeChallenge(sys.db, { sessionId, result: this.result, processor: sys.processor, now: sys.now }),
    );
    const payable = before.session.status === 'open' && before.session.expiresAt > sys.now;
    if (isAttempt(out)) {
      expect(payable && before.intent?.status === 'requires_action').toBe(true);
      return;
    }
    if (before.session.status === 'complete') expect(out.state).toBe('complete');
    else if (before.session.status === 'expired') expect(out).toEqual({ state: 'closed', status: 'expired' });
    else if (!payable && before.intent?.status !== 'processing') {
      // A challenge completed after expiry never reports success: the session expires, its attempt canceled.
      expect(out).toEqual({ state: 'closed', status: 'expired' });
      const after = await sys.state(sessionId);
      expect(after.session.status).toBe('expired');
      if (before.intent) expect(after.intent?.status).toBe('canceled');
    } else expect(out).toEqual({ state: 'refused', reason: 'in_progress' });
  }
  toString = () => `challenge(#${this.index}, ${this.result})`;
}

/** The process running the attempt dies: its call never answers (unless a late answer arrives). */
export class Crash extends SessionCommand {
  act(sys: CheckoutSystem, sessionId: string): Promise<void> {
    const attempt = sys.attemptFor(sessionId, { lost: false });
    if (attempt) attempt.lost = true;
    return Promise.resolve();
  }
  toString = () => `crash(#${this.index})`;
}

/** Several customers pay at once; the scheduler decides who starts and whose processor answers first. */
export class ConcurrentPays implements Cmd {
  constructor(
    readonly indexes: number[],
    readonly card: CardName,
    readonly s: fc.Scheduler,
  ) {}
  check = (m: Readonly<Model>) => m.sessions > 0;
  async run(_m: Model, sys: CheckoutSystem) {
    const releases: Promise<unknown>[] = [];
    sys.processor.onArrival = (attemptId) => {
      const answer = this.s.schedule(Promise.resolve(attemptId), 'processor answers').then(async (id) => {
        // While it waits at the gate the attempt is its intent's current one: that names its session.
        sys.attemptSessions.set(id, await sys.sessionOfAttempt(id));
        sys.processor.release(id);
      });
      releases.push(answer);
    };
    const pays = this.indexes.map((i) =>
      this.s.schedule(Promise.resolve(sys.sessions[i % sys.sessions.length]), `customer pays #${i}`).then((sessionId) => {
        const p = confirmPayment(sys.db, {
          sessionId,
          form: payForm(this.card),
          clientKey: sys.clientKey,
          processor: sys.processor,
          now: sys.now,
        });
        return p.then((r) => ({ sessionId, r }));
      }),
    );
    const results = await this.s.waitFor(Promise.all(pays)).finally(() => (sys.processor.onArrival = null));
    await Promise.all(releases);
    for (const { r } of results)
      expect(['complete', 'declined', 'requires_action', 'refused', 'invalid', 'closed'], describeResult(r)).toContain(r.state);
    await sys.assertInvariants();
  }
  toString = () => `concurrent pays(${this.indexes.map((i) => `#${i}`).join(', ')}, ${this.card}) ${this.s.report().length} steps`;
}
