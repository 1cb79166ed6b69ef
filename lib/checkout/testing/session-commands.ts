import { expect } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { applyPromotionCode, changeQuantity, removePromotionCode } from '../cart-actions';
import { expireIfDue } from '../expire-if-due';
import { expireSession } from '../expire-session';
import { recoverLostAttempts } from '../abandon-attempt';
import { sweepExpiredSessions } from '../expiry-sweep';
import { newSession } from './checkout-world';
import type { CheckoutSystem } from './checkout-system';
import { SessionCommand, type Cmd, type Model } from './model-command';

// The model's commands around the payments: a session is created, expired by the merchant or opened
// when due, its cart changes, the sweep runs and the clock jumps.

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
