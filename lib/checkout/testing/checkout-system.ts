import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { paymentIntentForSession } from '@/db/queries/payment-intents';
import { findSessionById } from '@/db/queries/public-session';
import { checkoutLineItems, paymentIntents } from '@/db/schema';
import type { ConfirmResult } from '../confirm-payment';
import { GatedProcessor } from './gated-processor';
import { assertCheckoutInvariants } from './invariants';
import type { Shop } from './checkout-world';

/** A call into lib/checkout that reached the processor and waits at its gate. */
export type RunningAttempt = { attemptId: string; sessionId: string; result: Promise<ConfirmResult>; lost: boolean };

/**
 * The real system the model-based tests drive: one merchant on the test database, the gated test
 * processor, an injected clock, and the calls waiting at the processor's gate.
 */
export class CheckoutSystem {
  readonly processor: GatedProcessor;
  readonly sessions: string[] = [];
  readonly attemptSessions = new Map<string, string>();
  readonly running = new Map<string, RunningAttempt>();
  readonly clientKey = `model-${Math.random().toString(36).slice(2)}`;
  now: Date;

  constructor(
    readonly db: Db,
    readonly shop: Shop,
    start: Date,
    processor = new GatedProcessor(),
  ) {
    this.now = start;
    this.processor = processor;
  }

  /**
   * Starts a call and waits until it either answers without reaching the processor, or reaches the
   * processor's gate (then it keeps waiting there, tracked in `running`, until released).
   */
  async start(sessionId: string, call: () => Promise<ConfirmResult>): Promise<ConfirmResult | RunningAttempt> {
    const arrival = this.processor.nextArrival();
    const result = call();
    const first = await Promise.race([result.then((r) => ({ done: r })), arrival.then((attemptId) => ({ attemptId }))]);
    if ('done' in first) return first.done;
    const attempt: RunningAttempt = { attemptId: first.attemptId, sessionId, result, lost: false };
    this.attemptSessions.set(first.attemptId, sessionId);
    this.running.set(first.attemptId, attempt);
    return attempt;
  }

  /** Lets a waiting attempt's answer through and returns what the customer is told. */
  async answer(attempt: RunningAttempt): Promise<ConfirmResult> {
    this.processor.release(attempt.attemptId);
    this.running.delete(attempt.attemptId);
    return attempt.result;
  }

  attemptFor(sessionId: string, p: { lost: boolean }): RunningAttempt | undefined {
    return [...this.running.values()].find((a) => a.sessionId === sessionId && a.lost === p.lost);
  }

  async state(sessionId: string) {
    const [session, intent] = await Promise.all([findSessionById(this.db, sessionId), paymentIntentForSession(this.db, sessionId)]);
    if (!session) throw new Error(`no session ${sessionId}`);
    return { session, intent };
  }

  async lineId(sessionId: string): Promise<string> {
    const [line] = await this.db
      .select({ id: checkoutLineItems.id })
      .from(checkoutLineItems)
      .where(and(eq(checkoutLineItems.sessionId, sessionId), eq(checkoutLineItems.accountId, this.shop.accountId)));
    return line.id;
  }

  /** The session whose intent is running this attempt (read while the attempt is the intent's current one). */
  async sessionOfAttempt(attemptId: string): Promise<string> {
    const rows = await this.db
      .select({ sessionId: paymentIntents.checkoutSessionId })
      .from(paymentIntents)
      .where(and(eq(paymentIntents.accountId, this.shop.accountId), eq(paymentIntents.attemptId, attemptId)));
    const row = rows.at(0);
    if (!row?.sessionId) throw new Error(`attempt ${attemptId} belongs to no session`);
    return row.sessionId;
  }

  assertInvariants(): Promise<void> {
    return assertCheckoutInvariants(this.db, {
      accountId: this.shop.accountId,
      processor: this.processor,
      attemptSessions: this.attemptSessions,
      attemptsInFlight: new Set(this.running.keys()),
    });
  }
}
