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
  | {
      status: 'succeeded';
      card: StoredCard;
      /** opaque processor state kept with the charge and handed back to `refund`: NEVER the number or CVC */
      chargeState?: Record<string, string>;
      /** opaque processor state kept with the saved payment method, to charge it again off-session (`chargeSaved`) */
      reusable?: Record<string, string>;
    }
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

  /**
   * Charges a payment method saved from an earlier payment. Without the customer (a subscription's renewal
   * or retry, a merchant's off-session payment) there is no one to authenticate: a card that asks for it fails
   * with `authentication_required`. With the customer present, it asks for 3-D Secure (`requires_action`).
   */
  chargeSaved(req: SavedChargeRequest): Promise<ChargeOutcome>;

  /**
   * Saves a card given directly (Stripe's `pm_card_*` test methods), without charging or authenticating it.
   * With `check` (attaching it to a customer), a card its issuer refuses fails now; without (a payment intent
   * about to charge it), its refusal comes when it is charged. One that asks for 3-D Secure is saved
   * unauthenticated: its charges need the customer.
   */
  saveCard(req: { card: CardInput; fingerprintSecret: string; check: boolean }): Promise<ChargeOutcome>;

  /** Captures an authorization (a session with capture_method=manual), in full or for less. */
  capture(p: { attemptId: string; amount: number; currency: string; chargeState: Record<string, string> | null }): Promise<void>;
  /**
   * Sends money back to the card. `later` is a change the processor already knows will follow (a card
   * that can no longer receive money: the refund fails after it looked successful); the caller keeps it
   * and applies it when due, as it would a processor's webhook.
   */
  refund(p: RefundRequest): Promise<RefundOutcome>;
  /** A dispute the processor announces for a charge it just accepted (test mode: the dispute test card), or null. */
  disputeAfterCharge(chargeState: Record<string, string> | null): { reason: string; afterMs: number } | null;
  /** The bank's decision on submitted evidence, when it will come, or null while it is still reviewing. */
  reviewDispute(evidence: Record<string, string | null>): { status: 'won' | 'lost'; afterMs: number } | null;
}

export type SavedChargeRequest = {
  attemptId: string;
  amount: number;
  currency: string;
  card: StoredCard;
  /** what `charge` returned as `reusable` for this method, or null when it returned nothing */
  reusable: Record<string, string> | null;
  /** the customer is there to pass 3-D Secure (a merchant's on-session payment with a saved card) */
  customerPresent?: boolean;
};

export type RefundRequest = {
  refundId: string;
  attemptId: string;
  amount: number;
  currency: string;
  chargeState: Record<string, string> | null;
};

export type RefundOutcome = {
  status: 'succeeded' | 'pending';
  later: { status: 'succeeded' | 'failed'; failureReason: string | null; afterMs: number } | null;
};
