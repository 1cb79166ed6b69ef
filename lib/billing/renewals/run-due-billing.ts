import type { Db } from '@/db/client';
import {
  dueCancellations,
  dueInvoiceAttempts,
  dueRenewals,
  dueTrialNotices,
  dueUpcomingNotices,
  TRIAL_WILL_END_NOTICE_MS,
  type BillingScope,
} from '@/db/queries/billing-due';
import { lockSubscription, updateSubscriptionFields } from '@/db/queries/subscriptions';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { payInvoiceOffSession } from '../invoices/pay-invoice';
import { recordSubscriptionEvent } from '../subscriptions/subscription-events';
import { endSubscription, renewSubscription, RENEWING_STATUSES } from './renew-subscription';
import { announceUpcomingInvoice } from './upcoming-notice';

type Due = { accountId: string; id: string };
type Step = (db: Db, due: Due, now: Date, processor: PaymentProcessor | undefined) => Promise<boolean>;

/** Three days before a trial ends: `customer.subscription.trial_will_end`, once. */
const trialNotice: Step = (db, due, now) =>
  db.transaction(async (tx) => {
    const sub = await lockSubscription(tx, due);
    if (sub?.status !== 'trialing' || sub.trialWillEndSent || !sub.trialEnd) return false;
    if (sub.trialEnd.getTime() - TRIAL_WILL_END_NOTICE_MS > now.getTime()) return false;
    const noted = await updateSubscriptionFields(tx, { accountId: sub.accountId, id: sub.id, set: { trialWillEndSent: true } });
    await recordSubscriptionEvent(tx, 'customer.subscription.trial_will_end', noted);
    return true;
  });

/** A `cancel_at` inside the current period: the subscription ends then. */
const cancellation: Step = (db, due, now) =>
  db.transaction(async (tx) => {
    const sub = await lockSubscription(tx, due);
    if (!sub?.cancelAt || !(RENEWING_STATUSES as readonly string[]).includes(sub.status)) return false;
    if (sub.cancelAt > now || sub.cancelAt >= sub.currentPeriodEnd) return false;
    await endSubscription(tx, sub, sub.cancelAt, 'cancellation_requested');
    return true;
  });

const renewal: Step = (db, due, now) =>
  db.transaction(async (tx) => {
    const sub = await lockSubscription(tx, due);
    return sub !== null && (await renewSubscription(tx, sub, now)) !== 'not_due';
  });

/** A renewal's first charge or a scheduled retry, off-session with the saved card. */
const attempt: Step = async (db, due, now, processor) => {
  const result = await payInvoiceOffSession(db, {
    accountId: due.accountId,
    invoiceId: due.id,
    automatic: true,
    now,
    ...(processor ? { processor } : {}),
  });
  return result.outcome !== 'refused';
};

/** In this order at one instant: notices, cancellations, period ends (which make invoices due now), then payment attempts. */
const STEPS: { find: typeof dueRenewals; apply: Step }[] = [
  { find: dueTrialNotices, apply: trialNotice },
  { find: dueUpcomingNotices, apply: announceUpcomingInvoice },
  { find: dueCancellations, apply: cancellation },
  { find: dueRenewals, apply: renewal },
  { find: dueInvoiceAttempts, apply: attempt },
];

/**
 * Applies, once each, the billing work due by `now` on one clock (real time, or a test clock's frozen time):
 * each item is locked and re-checked by the step that applies it, so several processes run this side by
 * side and every notice, cancellation, renewal and payment attempt happens exactly once. Answers how many
 * were applied and whether a step found a full batch (more may be due).
 */
export async function runDueBilling(
  db: Db,
  p: { scope: BillingScope; now: Date; processor?: PaymentProcessor; limit?: number },
): Promise<{ applied: number; full: boolean }> {
  const limit = p.limit ?? 100;
  let applied = 0;
  let full = false;
  for (const step of STEPS) {
    const due = await step.find(db, { ...p.scope, now: p.now, limit });
    full ||= due.length === limit;
    for (const item of due) if (await step.apply(db, item, p.now, p.processor)) applied += 1;
  }
  return { applied, full };
}
