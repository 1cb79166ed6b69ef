import type fc from 'fast-check';
import type { ConfirmResult } from '../confirm-payment';
import type { CheckoutSystem, RunningAttempt } from './checkout-system';

/**
 * The commands of the checkout's model-based tests. The model is only what the commands need to stay
 * meaningful (how many sessions exist); each command reads the system's state before acting, says what
 * the customer or merchant must see, and every step ends with the invariants
 * (lib/checkout/testing/invariants.ts).
 */
export type Model = { sessions: number };
export type Cmd = fc.AsyncCommand<Model, CheckoutSystem>;

export const isAttempt = (r: ConfirmResult | RunningAttempt): r is RunningAttempt => 'attemptId' in r;
export const describeResult = (r: ConfirmResult) => JSON.stringify(r);

/** A command on one of the sessions made so far (its index taken modulo their number, so every command applies). */
export abstract class SessionCommand implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.sessions > 0;
  abstract act(sys: CheckoutSystem, sessionId: string): Promise<void>;
  async run(_m: Model, sys: CheckoutSystem) {
    await this.act(sys, sys.sessions[this.index % sys.sessions.length]);
    await sys.assertInvariants();
  }
  abstract toString(): string;
}
