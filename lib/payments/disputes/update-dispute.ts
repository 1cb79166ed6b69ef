import type { Db } from '@/db/client';
import { updateDisputeIfStatus, type DisputeStatus, type NewDisputeRow } from '@/db/queries/disputes';
import type { AccountScope } from '@/db/scope';
import { mergeMetadata } from '@/lib/api/params';
import { serializeDispute } from '@/lib/api/serialize/dispute';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import { present } from '@/lib/util/present';
import type { UpdateDisputeParams } from '@/lib/validation/disputes';
import { closedNotUpdatable, evidencePastDue, noEvidenceToSubmit, underReviewNotChangeable } from './dispute-errors';
import { hasEvidence, mergeEvidence } from './dispute-evidence';
import { CLOSED_STATUSES, lockOpenDispute } from './lock-open-dispute';
import type { PaymentProcessor } from '../processor';
import { testProcessor } from '../test-processor';

/** Where submitting evidence takes a dispute that waits for it: the bank reviews it. */
const SUBMITTED: Partial<Record<DisputeStatus, DisputeStatus>> = {
  needs_response: 'under_review',
  warning_needs_response: 'warning_under_review',
};

/**
 * Updates a dispute (POST /v1/disputes/:id and the dashboard): staged evidence merges into what is
 * stored, metadata as everywhere. Evidence is submitted when `submit` says so, and by default whenever
 * evidence is given (Stripe's `submit` defaults to true): the dispute goes to under_review, once (a
 * conditional update under the charge's and the dispute's locks), and the processor's announced
 * decision is kept for the sweep to apply when due. Evidence is refused once submitted or past its due
 * date, and a closed dispute takes no change at all. Records `charge.dispute.updated`.
 */
export async function updateDispute(
  db: Db,
  scope: AccountScope,
  id: string,
  params: UpdateDisputeParams,
  opts: { processor?: PaymentProcessor; now?: Date } = {},
) {
  const processor = opts.processor ?? testProcessor;
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const { dispute, charge } = await lockOpenDispute(tx, scope, id);
    const { accountId } = scope;
    if (CLOSED_STATUSES.includes(dispute.status)) throw closedNotUpdatable(dispute.status);
    const submitting = params.submit ?? params.evidence !== undefined;
    const next = SUBMITTED[dispute.status];
    if ((params.evidence !== undefined || submitting) && !next) throw underReviewNotChangeable();

    const evidence = params.evidence
      ? await mergeEvidence(tx, { accountId, current: dispute.evidence, update: params.evidence, now })
      : dispute.evidence;
    const set: Partial<NewDisputeRow> = { evidence, metadata: mergeMetadata(dispute.metadata, params.metadata) };
    if (submitting) {
      if (dispute.evidenceDueBy && now > dispute.evidenceDueBy) throw evidencePastDue();
      if (!hasEvidence(evidence)) throw noEvidenceToSubmit();
      // The processor is asked under the locks, after every check and before any write: if it fails, nothing changed.
      const decision = dispute.status === 'needs_response' ? processor.reviewDispute(evidence) : null;
      Object.assign(set, {
        status: next,
        submissionCount: dispute.submissionCount + 1,
        dueAt: decision ? new Date(now.getTime() + decision.afterMs) : null,
        pending: decision ? { status: decision.status } : null,
      } satisfies Partial<NewDisputeRow>);
    }
    const updated = present(
      await updateDisputeIfStatus(tx, { accountId, id, from: dispute.status, set }),
      'the locked dispute, still in the status it was read in',
    );
    const before = serializeDispute(dispute, charge.card);
    const object = serializeDispute(updated, charge.card);
    await recordEvent(tx, {
      accountId,
      type: 'charge.dispute.updated',
      object,
      previousAttributes: previousAttributes(before, object),
      request: scope.request,
    });
    return object;
  });
}
