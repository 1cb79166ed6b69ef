import type { DisputeRow } from '@/db/queries/disputes';
import type { StoredCard } from '@/db/schema';
import { disputeAllowsRefund } from '@/lib/payments/disputes/dispute-allows-refund';
import { present } from '@/lib/util/present';
import { unix, unixOrNull } from '@/lib/util/time';
import { EVIDENCE_FIELDS, type EvidenceField } from '@/lib/validation/disputes';

/** The networks' card-absent fraud codes, for the `fraudulent` disputes Caisse's processor opens. */
const FRAUD_REASON_CODES: Record<string, string> = { visa: '10.4', mastercard: '4837', amex: 'F29', discover: 'UA02' };

const networkReasonCode = (reason: string, card: StoredCard | null) =>
  reason === 'fraudulent' && card ? (FRAUD_REASON_CODES[card.brand] ?? null) : null;

/** Stripe's Dispute object. Only opened disputes are shown: one the processor only announced has no status yet. */
export function serializeDispute(row: DisputeRow, card: StoredCard | null) {
  const status = present(row.status, "an opened dispute's status");
  const evidence = Object.fromEntries(EVIDENCE_FIELDS.map((f) => [f, row.evidence[f] ?? null])) as Record<EvidenceField, string | null>;
  const code = networkReasonCode(row.reason, card);
  return {
    id: row.id,
    object: 'dispute' as const,
    amount: row.amount,
    // Caisse keeps no balance: no balance transactions for the money withdrawn or reinstated.
    balance_transactions: [],
    charge: row.chargeId,
    created: unix(row.createdAt),
    currency: row.currency,
    enhanced_eligibility_types: [],
    evidence: { ...evidence, enhanced_evidence: {} },
    evidence_details: {
      due_by: unixOrNull(row.evidenceDueBy),
      enhanced_eligibility: {},
      has_evidence: Object.values(evidence).some((v) => v !== null),
      // Caisse refuses evidence after its due date, so no submission is ever late.
      past_due: false,
      submission_count: row.submissionCount,
      submission_method: row.submissionCount > 0 ? ('manual' as const) : ('not_submitted' as const),
    },
    intended_submission_method: null,
    is_charge_refundable: disputeAllowsRefund(status),
    livemode: row.livemode,
    metadata: row.metadata,
    network_reason_code: code,
    payment_intent: row.paymentIntentId,
    ...(card
      ? {
          payment_method_details: {
            card: {
              brand: card.brand,
              case_type: status.startsWith('warning_') ? ('inquiry' as const) : ('chargeback' as const),
              network: card.brand,
              network_reason_code: code,
            },
            type: 'card' as const,
          },
        }
      : {}),
    reason: row.reason,
    status,
  };
}

export type SerializedDispute = ReturnType<typeof serializeDispute>;
