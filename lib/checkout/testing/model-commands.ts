import fc from 'fast-check';
import { expect } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { completeChallenge } from '../authenticate';
import { applyPromotionCode, changeQuantity, removePromotionCode } from '../cart-actions';
import { confirmPayment, type ConfirmResult } from '../confirm-payment';
import { expireIfDue } from '../expire-if-due';
import { expireSession } from '../expire-session';
import { recoverLostAttempts } from '../abandon-attempt';
import { sweepExpiredSessions } from '../expiry-sweep';
import { ATTEMPT_LEASE_MS } from '../payment-state';
import { payForm, newSession, CARDS, type CardName } from './checkout-world';
import type { CheckoutSystem, RunningAttempt } from './checkout-system';

/**
 * The commands of the checkout's model-based tests. The model is only what the commands need to stay
 * meaningful (how many sessions exist); each command reads the system's state before acting, says what
 * the customer or merchant must see, and every step ends with the invariants
 * (lib/checkout/testing/invariants.ts).
 */
export type Model = { sessions: number };
type Cmd = fc.AsyncCommand<Model, CheckoutSystem>;

const isAttempt = (r: ConfirmResult | RunningAttempt): r is RunningAttempt => 'attemptId' in r;
const describeResult = (r: ConfirmResult) => JSON.stringify(r);

/** A command on one of the sessions made so far (its index taken modulo their number, so every command applies). */
abstract class SessionCommand implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.sessions > 0;
  abstract act(sys: CheckoutSystem, sessionId: string): Promise<void>;
  async run(_m: Model, sys: CheckoutSystem) {
    await this.act(sys, sys.sessions[this.index % sys.sessions.length]);
    await sys.assertInvariants();
  }
  abstract toString(): string;
}

export class CreateSession implements Cmd {
  constructor(readonly expiresInSeconds: number) {}
  check = (m: Readonly<Model>) => m.sessions < 5;
  async run(m: Model, sys: CheckoutSystem) {
    sys.sessions.push(await newSession(sys.db, sys.shop, { now: sys.now, expiresInSeconds: this.expiresInSeconds }));
    m.sessions++;
    await sys.assertInvariants();
  }
  toString = () => `create(expires in ${this.expiresInSeconds}s)`;
}

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

export class ExpireByApi extends SessionCommand {
  async act(sys: CheckoutSystem, sessionId: string) {
    const before = await sys.state(sessionId);
    const outcome = await expireSession(sys.db, { accountId: sys.shop.accountId, id: sessionId }, sys.now).then(
      (s) => s.status,
      (err: unknown) => {
        if (!(err instanceof ApiError)) throw err;
        return `error:${err.message}`;
      },
    );
    if (before.session.status !== 'open') expect(outcome).toMatch(/^error:Only Checkout Sessions/);
    else if (before.intent?.status === 'processing') expect(outcome).toMatch(/^error:.*payment attempt in progress/);
    else expect(outcome).toBe('expired');
  }
  toString = () => `expire via API(#${this.index})`;
}

export class OpenPage extends SessionCommand {
  async act(sys: CheckoutSystem, sessionId: string) {
    const before = await sys.state(sessionId);
    const after = await expireIfDue(sys.db, before.session, sys.now);
    const due = before.session.status === 'open' && before.session.expiresAt <= sys.now && before.intent?.status !== 'processing';
    expect(after.status).toBe(due ? 'expired' : before.session.status);
  }
  toString = () => `open page(#${this.index})`;
}

export class ChangeQuantity extends SessionCommand {
  constructor(
    index: number,
    readonly quantity: number,
  ) {
    super(index);
  }
  async act(sys: CheckoutSystem, sessionId: string) {
    const before = await sys.state(sessionId);
    const r = await changeQuantity(sys.db, sessionId, await sys.lineId(sessionId), this.quantity, sys.now);
    if (['processing', 'requires_action'].includes(before.intent?.status ?? '') && r.ok)
      throw new Error('the cart changed under a payment in flight');
  }
  toString = () => `quantity(#${this.index}, ${this.quantity})`;
}

export class ApplyCode extends SessionCommand {
  constructor(
    index: number,
    readonly which: 'singleUse' | 'twoUses',
  ) {
    super(index);
  }
  async act(sys: CheckoutSystem, sessionId: string) {
    const r = await applyPromotionCode(sys.db, sessionId, sys.shop[this.which].code, sys.clientKey, sys.now);
    if (r.ok) expect((await sys.state(sessionId)).session.discounts[0]?.promotion_code).toBe(sys.shop[this.which].id);
  }
  toString = () => `apply ${this.which}(#${this.index})`;
}

export class RemoveCode extends SessionCommand {
  async act(sys: CheckoutSystem, sessionId: string) {
    await removePromotionCode(sys.db, sessionId, sys.now);
  }
  toString = () => `remove code(#${this.index})`;
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

export class Sweep implements Cmd {
  check = () => true;
  async run(_m: Model, sys: CheckoutSystem) {
    await recoverLostAttempts(sys.db, sys.processor, sys.now);
    await sweepExpiredSessions(sys.db, sys.now);
    await sys.assertInvariants();
  }
  toString = () => 'sweep';
}

export class AdvanceClock implements Cmd {
  constructor(
    readonly ms: number,
    readonly thenSweep: boolean,
  ) {}
  check = () => true;
  async run(m: Model, sys: CheckoutSystem) {
    sys.now = new Date(sys.now.getTime() + this.ms);
    if (this.thenSweep) await new Sweep().run(m, sys);
  }
  toString = () => `advance ${Math.round(this.ms / 1000)}s${this.thenSweep ? ', sweep' : ''}`;
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

const index = fc.nat({ max: 3 });
const card = fc.constantFrom<CardName>('ok', 'ok', 'declined', 'challenge', 'challengeThenDeclined');

const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => Array.from({ length: weight }, () => arbitrary);

/** Every command, weighted so that payments, their answers and what races them dominate the sequences. */
export const commandArbitraries = [
  fc.integer({ min: 1800, max: 7200 }).map((s) => new CreateSession(s)),
  ...weighted(
    4,
    fc.tuple(index, card).map(([i, c]) => new Pay(i, c)),
  ),
  ...weighted(
    4,
    index.map((i) => new Answer(i, false)),
  ),
  index.map((i) => new Answer(i, true)),
  ...weighted(
    2,
    fc.tuple(index, fc.constantFrom<'complete' | 'fail'>('complete', 'complete', 'fail')).map(([i, r]) => new Challenge(i, r)),
  ),
  index.map((i) => new ExpireByApi(i)),
  index.map((i) => new OpenPage(i)),
  fc.tuple(index, fc.integer({ min: 0, max: 12 })).map(([i, q]) => new ChangeQuantity(i, q)),
  ...weighted(
    2,
    fc.tuple(index, fc.constantFrom<'singleUse' | 'twoUses'>('singleUse', 'twoUses')).map(([i, w]) => new ApplyCode(i, w)),
  ),
  index.map((i) => new RemoveCode(i)),
  ...weighted(
    2,
    index.map((i) => new Crash(i)),
  ),
  fc.constant(new Sweep()),
  ...weighted(
    2,
    fc
      .tuple(fc.constantFrom(1_000, 60_000, ATTEMPT_LEASE_MS + 1_000, 31 * 60_000, 2 * 3600_000), fc.boolean())
      .map(([ms, sweep]) => new AdvanceClock(ms, sweep)),
  ),
  ...weighted(
    2,
    fc.tuple(fc.array(index, { minLength: 2, maxLength: 3 }), card, fc.scheduler()).map(([is, c, s]) => new ConcurrentPays(is, c, s)),
  ),
];

export { CARDS };
