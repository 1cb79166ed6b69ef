import { invalidRequest } from '@/lib/api/errors';

/**
 * Refusals of a subscription change, in Stripe's words where Stripe's are known; each written once for the
 * API and the dashboard.
 */

/** Once canceled, Stripe lets a merchant write only why (and metadata). */
export const canceledSubscriptionFrozen = () =>
  invalidRequest('A canceled subscription can only update its cancellation_details and metadata.');

export const noActiveTaxRate = (id: string, param: string) => invalidRequest(`No such active tax rate: '${id}'`, param, 'resource_missing');

export const timestampNotInFuture = (param: string) =>
  invalidRequest('Invalid timestamp: must be an integer Unix timestamp in the future.', param);

/** Caisse has no credit to give back for a trial started in the middle of a paid period. */
export const trialOnlyWhileTrialing = () =>
  invalidRequest(
    'trial_end can only move the end of a current trial: starting a trial on a subscription that is not trialing is not supported by Caisse.',
    'trial_end',
  );

export const notPaused = () => invalidRequest('The subscription is not paused, so it cannot be resumed.');

/** Resuming inside the current cycle bills its remainder by proration, which Caisse does not build yet. */
export const resumeNeedsNoProration = () =>
  invalidRequest(
    'Resuming with billing_cycle_anchor=unchanged prorates the rest of the period, which Caisse does not support yet: pass proration_behavior=none (the rest of the period is not billed) or billing_cycle_anchor=now.',
    'proration_behavior',
  );
