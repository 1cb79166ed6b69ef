import type { ChargeOutcome, PaymentProcessor } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { STRIPE_DECLINES } from '@/lib/payments/decline-messages';

/**
 * The test processor behind a gate, with a ledger of the money it moved: the processor's side of the
 * truth, to hold Caisse's records against. Each call waits at the gate until the test lets it answer,
 * so a test can do anything else meanwhile (expire the session, sweep, pay from another tab) and then
 * let the answer arrive, early, late, or never (the process running it died).
 *
 * `reverse` voids or refunds what an attempt did. Some processors also refuse any later charge under
 * a reversed attempt (idempotency keys); others let a late answer through, which Caisse must then
 * reverse itself: `voidBlocksLateAnswers` picks which one this is.
 */

export type LedgerEntry = {
  attemptId: string;
  amount: number;
  currency: string;
  charged: boolean;
  reversed: boolean;
  answers: ChargeOutcome['status'][];
};

type Waiting = { attemptId: string; release: () => void };

export class GatedProcessor implements PaymentProcessor {
  readonly name = 'gated-test';
  // The test decides when a call answers (or that it never does); the sweep, not a timer, gives it up.
  readonly timeoutMs = Infinity;
  readonly ledger = new Map<string, LedgerEntry>();
  private readonly waiting: Waiting[] = [];
  private arrivalListeners: ((attemptId: string) => void)[] = [];
  /** Told of every arrival at the gate, for as long as it is set. */
  onArrival: ((attemptId: string) => void) | null = null;
  /** When set, calls answer at once (no gate). */
  open = false;

  constructor(readonly voidBlocksLateAnswers = true) {}

  screen: PaymentProcessor['screen'] = (card) => testProcessor.screen(card);

  private entry(attemptId: string, amount = 0, currency = 'eur'): LedgerEntry {
    let e = this.ledger.get(attemptId);
    if (!e) this.ledger.set(attemptId, (e = { attemptId, amount, currency, charged: false, reversed: false, answers: [] }));
    if (amount) e.amount = amount;
    return e;
  }

  /** Resolves with the attempt id of the next call to reach the gate. */
  nextArrival(): Promise<string> {
    return new Promise((resolve) => this.arrivalListeners.push(resolve));
  }

  /** Attempts waiting at the gate. */
  get held(): string[] {
    return this.waiting.map((w) => w.attemptId);
  }

  /** Lets the waiting call of this attempt answer. */
  release(attemptId: string): boolean {
    const i = this.waiting.findIndex((w) => w.attemptId === attemptId);
    if (i < 0) return false;
    const [w] = this.waiting.splice(i, 1);
    w.release();
    return true;
  }

  private async gate(attemptId: string): Promise<void> {
    if (this.open) return;
    const released = new Promise<void>((resolve) => this.waiting.push({ attemptId, release: resolve }));
    const listeners = this.arrivalListeners;
    this.arrivalListeners = [];
    for (const l of listeners) l(attemptId);
    this.onArrival?.(attemptId);
    await released;
  }

  private settle(entry: LedgerEntry, outcome: ChargeOutcome): ChargeOutcome {
    // An attempt voided before its answer can no longer take money, where the processor enforces it.
    if (entry.reversed && this.voidBlocksLateAnswers && outcome.status !== 'failed')
      return { status: 'failed', card: outcome.card, decline: { ...STRIPE_DECLINES.processing_error } };
    entry.answers.push(outcome.status);
    if (outcome.status === 'succeeded') {
      entry.charged = true;
      // A late charge after the void: money taken again, until Caisse reverses it once more.
      entry.reversed = false;
    }
    return outcome;
  }

  async charge(req: Parameters<PaymentProcessor['charge']>[0]): Promise<ChargeOutcome> {
    const entry = this.entry(req.attemptId, req.amount, req.currency);
    await this.gate(req.attemptId);
    return this.settle(entry, await testProcessor.charge(req));
  }

  async completeAuthentication(p: Parameters<PaymentProcessor['completeAuthentication']>[0]): Promise<ChargeOutcome> {
    const entry = this.entry(p.attemptId);
    await this.gate(p.attemptId);
    return this.settle(entry, await testProcessor.completeAuthentication(p));
  }

  async chargeSaved(req: Parameters<PaymentProcessor['chargeSaved']>[0]): Promise<ChargeOutcome> {
    const entry = this.entry(req.attemptId, req.amount, req.currency);
    await this.gate(req.attemptId);
    return this.settle(entry, await testProcessor.chargeSaved(req));
  }

  reverse(p: { attemptId: string; amount: number; currency: string }): Promise<void> {
    this.entry(p.attemptId, p.amount, p.currency).reversed = true;
    return Promise.resolve();
  }

  // Saving a card moves no money: nothing to gate.
  saveCard: PaymentProcessor['saveCard'] = (req) => testProcessor.saveCard(req);
  capture: PaymentProcessor['capture'] = (p) => testProcessor.capture(p);
  refund: PaymentProcessor['refund'] = (p) => testProcessor.refund(p);
  disputeAfterCharge: PaymentProcessor['disputeAfterCharge'] = (state) => testProcessor.disputeAfterCharge(state);
  reviewDispute: PaymentProcessor['reviewDispute'] = (evidence) => testProcessor.reviewDispute(evidence);

  /** Money the processor took and kept, by attempt. */
  kept(): LedgerEntry[] {
    return [...this.ledger.values()].filter((e) => e.charged && !e.reversed);
  }
}
