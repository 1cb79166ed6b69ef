/**
 * The contract between lib/checkout and whatever moves the money. Processors
 * are pure with respect to storage: they return what happened and the caller
 * persists it. Nothing here may carry the card number or CVC past `charge`.
 */

import type { StoredCard } from '@/db/schema';

/** Card details Caisse may keep, declared with the column that keeps them (db/schema/payments.ts). */
export type { StoredCard };

export type CardInput = { number: string; expMonth: number; expYear: number; cvc: string; name: string };

export type ChargeRequest = {
  /** The payment attempt: the processor's idempotency key, and what `reverse` names later. */
  attemptId: string;
  amount: number;
  currency: string;
  card: CardInput;
  /** card previously set up for off-session use */
  setUpForOffSession: boolean;
  fingerprintSecret: string;
};

/** Stripe's codes and English messages, e.g. code 'card_declined', declineCode 'insufficient_funds', message 'Your card has insufficient funds.' */
export type Decline = { code: string; declineCode: string | null; message: string };

export type ChargeOutcome =
  | { status: 'succeeded'; card: StoredCard }
  | {
      status: 'requires_action';
      card: StoredCard;
      /** opaque processor state to resume after the challenge: NEVER the number or CVC */
      resume: Record<string, string>;
    }
  | { status: 'failed'; card: StoredCard | null; decline: Decline };

export interface PaymentProcessor {
  readonly name: string;
  /** How long a call may take before Caisse gives the attempt up (default 60 s; Infinity never). */
  readonly timeoutMs?: number;
  /** Refuses, before anything is stored, numbers this processor will not take (test mode: any real-looking card that is not a test card). Returns a message key or null. */
  screen(card: CardInput): string | null;
  charge(req: ChargeRequest): Promise<ChargeOutcome>;
  completeAuthentication(p: {
    attemptId: string;
    resume: Record<string, string>;
    result: 'complete' | 'fail';
    card: StoredCard;
  }): Promise<ChargeOutcome>;
  /**
   * Undoes whatever the attempt did: voids its authorization or refunds its charge, and makes a charge that
   * has not happened yet under that attempt impossible. Idempotent; called when an attempt's outcome came
   * too late to count (its session stopped being payable, or the attempt was given up as lost).
   */
  reverse(p: { attemptId: string; amount: number; currency: string }): Promise<void>;
}
