import type { SubscriptionChanges, SubscriptionRow } from '@/db/queries/subscriptions';
import type { StoredCancellationDetails } from '@/db/schema';

/** What a merchant writes about why a subscription ends: `undefined` keeps a field, null clears it. */
export type CancellationDetailsInput = { comment?: string | null; feedback?: StoredCancellationDetails['feedback'] };

/** The stored cancellation details with the merchant's words applied and the reason set (`undefined` keeps it). */
export function withCancellationDetails(
  current: StoredCancellationDetails | null,
  input: CancellationDetailsInput | undefined,
  reason: StoredCancellationDetails['reason'] | undefined,
): StoredCancellationDetails {
  const base = current ?? { comment: null, feedback: null, reason: null };
  return {
    comment: input?.comment === undefined ? base.comment : input.comment,
    feedback: input?.feedback === undefined ? base.feedback : input.feedback,
    reason: reason === undefined ? base.reason : reason,
  };
}

/**
 * The changes that schedule the subscription's end at `cancelAt` (null: no longer scheduled), as Stripe
 * records such a request: when it was asked (`canceled_at`) and why (`cancellation_requested`).
 * `atPeriodEnd` is Stripe's `cancel_at_period_end` flag, set by that parameter only.
 */
export function scheduledCancellation(
  sub: Pick<SubscriptionRow, 'cancellationDetails'>,
  p: { cancelAt: Date | null; atPeriodEnd: boolean; now: Date },
): SubscriptionChanges {
  const scheduled = p.cancelAt !== null;
  return {
    cancelAt: p.cancelAt,
    cancelAtPeriodEnd: scheduled && p.atPeriodEnd,
    canceledAt: scheduled ? p.now : null,
    cancellationDetails: withCancellationDetails(sub.cancellationDetails, undefined, scheduled ? 'cancellation_requested' : null),
  };
}

/** `cancel_at_period_end`: true ends the subscription when its current period ends; false takes that back. */
export function cancelAtPeriodEndChanges(
  sub: Pick<SubscriptionRow, 'cancellationDetails' | 'currentPeriodEnd'>,
  value: boolean,
  now: Date,
): SubscriptionChanges {
  return scheduledCancellation(sub, { cancelAt: value ? sub.currentPeriodEnd : null, atPeriodEnd: value, now });
}
