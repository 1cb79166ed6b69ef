import type { DisputeStatus } from '@/db/queries/disputes';
import { invalidRequest } from '@/lib/api/errors';
import { EVIDENCE_MAX_CHARACTERS } from '@/lib/validation/disputes';

/** Caisse's refusals of a change to a dispute (Stripe documents none of their wording), for the API and the dashboard alike. */

/** A closed dispute (won, lost, warning_closed) is closed again. */
export const alreadyClosed = (status: DisputeStatus) => invalidRequest(`This dispute is already closed (${status}).`);

/** A closed dispute is updated. */
export const closedNotUpdatable = (status: DisputeStatus) =>
  invalidRequest(`This dispute is already closed (${status}): it cannot be updated.`);

/** Evidence given, or submitted, once the bank reviews what was submitted. */
export const underReviewNotChangeable = () =>
  invalidRequest('This dispute is under review: its evidence was submitted and can no longer be changed.');

/** A dispute accepted once its evidence was submitted. */
export const underReviewNotClosable = () =>
  invalidRequest('This dispute is under review: its evidence was submitted, so it can no longer be accepted and closed.');

export const evidencePastDue = () =>
  invalidRequest("This dispute's evidence was due by its due date, which has passed: it can no longer be submitted.");

export const noEvidenceToSubmit = () => invalidRequest('There is no evidence to submit: give at least one evidence field.', 'evidence');

/** Stripe's limit on all the text of a dispute's evidence together. */
export const evidenceTooLong = (characters: number) =>
  invalidRequest(
    `The combined character count of all evidence fields is limited to ${EVIDENCE_MAX_CHARACTERS.toLocaleString('en-US')}; this evidence has ${characters.toLocaleString('en-US')}.`,
    'evidence',
  );
