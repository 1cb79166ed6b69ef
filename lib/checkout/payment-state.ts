import type { SessionRow } from '@/db/queries/checkout-sessions';

/**
 * The state machine of a Checkout Session and its one PaymentIntent.
 *
 * Every transition is a conditional update under the session's row lock, and
 * every outcome of a payment attempt is recorded only while the intent is
 * still `processing` that same attempt (its `attempt_id`, a fencing token).
 *
 *   session  intent                        what may happen next
 *   -------  ----------------------------  --------------------------------------------------
 *   open     none | requires_payment_method  claim (T1) · expire (T6)
 *   open     processing (attempt a)          succeed (T2) · require action (T3) · decline (T4)
 *                                            · recover if a's process died (T7); never expire
 *   open     requires_action (attempt a)     resume the challenge (T5) · expire (T6)
 *   complete succeeded | processing (SEPA)   final (a SEPA debit settles later)
 *   expired  canceled | none                 final
 *
 *   T1 claim      open ∧ now < expires_at ∧ intent ∈ {requires_payment_method} → processing(a),
 *                 the discount's redemption reserved in the same transaction (never past its maximum)
 *   T2 succeed    processing(a) → succeeded; session → complete (paid, or unpaid for a SEPA debit);
 *                 the reservation becomes the redemption. A success for an attempt that is no longer
 *                 the intent's (recovered by T7) is reversed at the processor and counts for nothing.
 *   T3 action     processing(a) → requires_action(a), reservation kept
 *   T4 decline    processing(a) → requires_payment_method, reservation released, decline counted
 *   T5 resume     open ∧ now < expires_at ∧ requires_action(a) → processing(a); past expires_at the
 *                 session expires instead (T6), so a challenge completed late charges nothing
 *   T6 expire     open ∧ intent ∉ {processing} → expired; a requires_action or requires_payment_method
 *                 intent → canceled, its reservation released. The API refuses while processing, the
 *                 sweep and expire-on-read leave such a session for later.
 *   T7 recover    processing(a) for longer than ATTEMPT_LEASE_MS (its process died): reversed at the
 *                 processor, then → requires_payment_method, reservation released
 *
 * Invariants (checked after every step of lib/checkout/payment-state.model.test.ts): every charge
 * the processor kept belongs to exactly one complete, paid session with one checkout.session.completed
 * event; no complete paid session lacks one; no intent is left processing on a closed session (a SEPA
 * debit on a complete session excepted); no redemption count exceeds its maximum.
 */

/** How long an attempt may stay `processing` before the sweep treats its process as dead (T7). */
export const ATTEMPT_LEASE_MS = 2 * 60_000;

/** Why a session can take no payment now, or null when it can (T1, T5). */
export function notPayable(session: Pick<SessionRow, 'status' | 'expiresAt'>, now: Date): 'complete' | 'expired' | null {
  if (session.status === 'complete') return 'complete';
  if (session.status === 'expired' || session.expiresAt <= now) return 'expired';
  return null;
}
