import type { StoredSepaDebit } from '@/db/schema/payments';
import { cardFingerprint } from './fingerprint';
import { ibanBankCode } from './iban';
import type { RefundOutcome } from './processor';

/**
 * Test-mode SEPA Direct Debit, behaving as Stripe's documented test IBANs:
 * the debit is accepted at once (the payment intent goes to `processing`) and
 * its outcome arrives later. Any other IBAN is refused, as real cards are in
 * test mode. The IBAN never leaves `startTestDebit`; only its country, bank
 * code, last four characters and a keyed fingerprint are kept.
 */

export type SepaOutcome = 'succeed' | 'fail';

/** Stripe's test IBANs per country: one that succeeds, one that fails (disputes are not modelled). */
const TEST_IBANS: ReadonlyMap<string, SepaOutcome> = new Map<string, SepaOutcome>([
  ['AT611904300234573201', 'succeed'],
  ['AT861904300235473202', 'fail'],
  ['BE62510007547061', 'succeed'],
  ['BE68539007547034', 'fail'],
  ['DE89370400440532013000', 'succeed'],
  ['DE62370400440532013001', 'fail'],
  ['ES0700120345030000067890', 'succeed'],
  ['ES9121000418450200051332', 'fail'],
  ['FR1420041010050500013M02606', 'succeed'],
  ['FR3020041010050500013M02609', 'fail'],
  ['IT40S0542811101000000123456', 'succeed'],
  ['IT60X0542811101000000123456', 'fail'],
  ['NL39RABO0300065264', 'succeed'],
  ['NL91ABNA0417164300', 'fail'],
]);

export const TEST_IBAN_NUMBERS: readonly string[] = [...TEST_IBANS.keys()];

export type { StoredSepaDebit };

/** The pending outcome as stored in the payment intent's processorState: never the IBAN. */
export type PendingDebit = { method: 'sepa_debit'; outcome: SepaOutcome; settle_at: string };

/** The translation key for a valid IBAN this test processor will not debit, or null. */
export function screenTestIban(iban: string): 'sepa.test_mode_only' | null {
  return TEST_IBANS.has(iban) ? null : 'sepa.test_mode_only';
}

/**
 * Accepts a debit of a test IBAN. `settleSeconds` is how long the bank takes
 * to answer (days in real life, a few seconds in test mode).
 */
export function startTestDebit(p: { iban: string; fingerprintSecret: string; now: Date; settleSeconds: number }): {
  sepaDebit: StoredSepaDebit;
  pending: PendingDebit;
} {
  const outcome = TEST_IBANS.get(p.iban);
  // A caller that skipped `screenTestIban` is a bug, not a refusal to show.
  if (!outcome) throw new Error('startTestDebit: not a test IBAN');
  return {
    sepaDebit: {
      bank_code: ibanBankCode(p.iban),
      branch_code: null,
      country: p.iban.slice(0, 2),
      fingerprint: cardFingerprint(`sepa:${p.iban}`, p.fingerprintSecret),
      last4: p.iban.slice(-4),
    },
    pending: { method: 'sepa_debit', outcome, settle_at: new Date(p.now.getTime() + p.settleSeconds * 1000).toISOString() },
  };
}

export function isPendingDebit(state: Record<string, string> | null | undefined): state is PendingDebit {
  return state?.method === 'sepa_debit' && (state.outcome === 'succeed' || state.outcome === 'fail') && typeof state.settle_at === 'string';
}

/** Stripe's last_payment_error when the bank refuses a debit. */
export const SEPA_DEBIT_FAILED = {
  type: 'invalid_request_error',
  code: 'payment_intent_payment_attempt_failed',
  decline_code: null,
  message: 'The payment failed: the bank refused the SEPA Direct Debit.',
} as const;

/**
 * A refund of a SEPA debit: the money goes back by bank transfer, so the refund is `pending` at once and
 * the bank confirms it `settleSeconds` later (SEPA_TEST_SETTLE_SECONDS, as the debit itself). Stripe's
 * test IBANs have no failing refunds, so neither do these.
 */
export function testSepaRefund(settleSeconds: number): RefundOutcome {
  return { status: 'pending', later: { status: 'succeeded', failureReason: null, afterMs: settleSeconds * 1000 } };
}
