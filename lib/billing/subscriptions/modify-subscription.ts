import type { Db, Queryable } from '@/db/client';
import { taxRatesByIds } from '@/db/queries/checkout-refs';
import { findSubscription, type SubscriptionChanges, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { AccountScope } from '@/db/scope';
import { exclusiveParams } from '@/lib/api/errors';
import { lockSubscriptionOrThrow } from '@/lib/api/get-or-throw';
import { mergeMetadata } from '@/lib/api/params';
import { taxRatesRefused } from '@/lib/checkout/session-rules';
import { present } from '@/lib/util/present';
import type { UpdateSubscriptionParams } from '@/lib/validation/subscriptions';
import { billingNow } from '../clock';
import { customerCardOrThrow } from '../customer-card';
import { announceNewInvoice } from '../invoices/announce-invoice';
import { automaticTaxChange } from './automatic-tax-change';
import { subscriptionObject } from '../subscription-reads';
import { isLive } from './cancel-subscription';
import { cancelAtPeriodEndChanges, scheduledCancellation, withCancellationDetails } from './cancellation-changes';
import { canceledSubscriptionFrozen, noActiveTaxRate, timestampNotInFuture, trialOnlyWhileTrialing } from './subscription-errors';
import { applyItemChanges, chargeChangeInvoice } from './change-items';
import { itemChangesFromParams } from './change-params';
import { checkTaxSettingsChargeLimit } from './plan-item-changes';
import { changeSubscription } from './update-subscription';

/** What may still change once a subscription has ended, as Stripe allows. */
const AFTER_END = new Set(['metadata', 'cancellation_details', 'expand']);

const DAY_MS = 86_400_000;
/** customer.subscription.trial_will_end comes this long before the trial ends. */
const TRIAL_WILL_END_MS = 3 * DAY_MS;
const at = (seconds: number) => new Date(seconds * 1000);

async function activeTaxRatesOrThrow(db: Queryable, accountId: string, ids: string[]): Promise<void> {
  const rates = await taxRatesByIds(db, accountId, ids);
  ids.forEach((id, i) => {
    if (!rates.get(id)?.active) throw noActiveTaxRate(id, `default_tax_rates[${i}]`);
  });
}

/**
 * trial_end: `now` ends a trial at once, a time moves its end. Either way the period and the cycle end
 * there, and the renewal at that moment bills the first paid period (or applies the trial's end
 * behavior), as it does when a trial runs out by itself. A subscription that is not trialing has no trial
 * to end, and Caisse cannot credit a paid period to start a new one.
 */
function trialChanges(sub: SubscriptionRow, trialEnd: 'now' | number, now: Date): SubscriptionChanges {
  if (trialEnd === 'now') return sub.status === 'trialing' ? { trialEnd: now, currentPeriodEnd: now, billingCycleAnchor: now } : {};
  const end = at(trialEnd);
  if (end <= now) throw timestampNotInFuture('trial_end');
  if (sub.status !== 'trialing') throw trialOnlyWhileTrialing();
  return {
    trialEnd: end,
    currentPeriodEnd: end,
    billingCycleAnchor: end,
    // A trial moved more than three days away announces its end again.
    ...(end.getTime() - now.getTime() > TRIAL_WILL_END_MS ? { trialWillEndSent: false } : {}),
  };
}

/** The columns the parameters change, checked against the subscription as it is under its lock. */
async function changesFor(tx: Queryable, sub: SubscriptionRow, p: UpdateSubscriptionParams, now: Date): Promise<SubscriptionChanges> {
  const given = Object.keys(p).filter((k) => p[k as keyof UpdateSubscriptionParams] !== undefined);
  if (!isLive(sub) && given.some((k) => !AFTER_END.has(k))) throw canceledSubscriptionFrozen();
  if (p.cancel_at !== undefined && p.cancel_at_period_end !== undefined) throw exclusiveParams(['cancel_at', 'cancel_at_period_end']);
  const set: SubscriptionChanges = {};
  if (p.metadata !== undefined) set.metadata = mergeMetadata(sub.metadata, p.metadata);
  if (p.description !== undefined) set.description = p.description;
  if (p.cancellation_details) set.cancellationDetails = withCancellationDetails(sub.cancellationDetails, p.cancellation_details, undefined);
  if (p.trial_settings) set.trialEndBehavior = p.trial_settings.end_behavior.missing_payment_method;
  if (p.trial_end !== undefined) Object.assign(set, trialChanges(sub, p.trial_end, now));
  // Cancellation is counted from the period as the trial change leaves it.
  const periodEnd = set.currentPeriodEnd ?? sub.currentPeriodEnd;
  const withDetails = { currentPeriodEnd: periodEnd, cancellationDetails: set.cancellationDetails ?? sub.cancellationDetails };
  if (p.cancel_at_period_end !== undefined) Object.assign(set, cancelAtPeriodEndChanges(withDetails, p.cancel_at_period_end, now));
  if (p.cancel_at !== undefined) {
    const cancelAt = p.cancel_at === null ? null : typeof p.cancel_at === 'number' ? at(p.cancel_at) : periodEnd;
    if (cancelAt && cancelAt <= now) throw timestampNotInFuture('cancel_at');
    Object.assign(set, scheduledCancellation(withDetails, { cancelAt, atPeriodEnd: false, now }));
  }
  if (p.default_payment_method !== undefined) {
    const method = await customerCardOrThrow(tx, {
      accountId: sub.accountId,
      customerId: sub.customerId,
      id: p.default_payment_method,
      param: 'default_payment_method',
    });
    set.defaultPaymentMethodId = method.id;
  }
  if (p.default_tax_rates !== undefined) {
    const ids = p.default_tax_rates ?? [];
    if (ids.length && (p.automatic_tax?.enabled ?? sub.automaticTax)) throw taxRatesRefused('default_tax_rates');
    await activeTaxRatesOrThrow(tx, sub.accountId, ids);
    set.defaultTaxRateIds = ids;
  }
  if (p.automatic_tax !== undefined)
    Object.assign(
      set,
      await automaticTaxChange(tx, sub, {
        enabled: p.automatic_tax.enabled,
        defaultTaxRateIds: set.defaultTaxRateIds ?? sub.defaultTaxRateIds,
        now,
      }),
    );
  if (p.pause_collection !== undefined) {
    const resumesAt = p.pause_collection?.resumes_at;
    if (resumesAt !== undefined && at(resumesAt) <= now) throw timestampNotInFuture('pause_collection[resumes_at]');
    set.pauseCollection = p.pause_collection ? { behavior: p.pause_collection.behavior, resumes_at: resumesAt ?? null } : null;
  }
  return set;
}

/** The parameter of a change that taxes the items more than before (automatic tax turned on, default rates set), if any. */
function taxSettingsParam(sub: SubscriptionRow, set: SubscriptionChanges): string | null {
  if (set.automaticTax && !sub.automaticTax) return 'automatic_tax[enabled]';
  if (set.defaultTaxRateIds?.length) return 'default_tax_rates';
  return null;
}

/**
 * POST /v1/subscriptions/:id: the changes asked for, applied together under the subscription's lock at
 * the subscription's own time (its test clock's, if it has one), with one `customer.subscription.updated`
 * naming what changed. Item changes (`items`, `proration_behavior`, `proration_date`) are applied first
 * (applyItemChanges: prorated, invoiced at once with `always_invoice`); once the transaction commits, that
 * invoice is charged, and the subscription answered as the payment left it.
 */
export async function modifySubscription(db: Db, scope: AccountScope & { id: string }, p: UpdateSubscriptionParams) {
  const changed = await db.transaction(async (tx) => {
    const sub = await lockSubscriptionOrThrow(tx, scope);
    const now = await billingNow(tx, sub);
    const set = await changesFor(tx, sub, p, now);
    const before = await subscriptionObject(tx, sub);
    // The items are priced, taxed and checked against the charge limit under the tax settings this request leaves.
    const taxed = {
      ...sub,
      automaticTax: set.automaticTax ?? sub.automaticTax,
      defaultTaxRateIds: set.defaultTaxRateIds ?? sub.defaultTaxRateIds,
    };
    const items = p.items
      ? await applyItemChanges(tx, taxed, itemChangesFromParams(p.items), {
          prorationBehavior: p.proration_behavior,
          prorationDate: p.proration_date,
          now,
          request: scope.request,
        })
      : null;
    const taxParam = taxSettingsParam(sub, set);
    if (!items && taxParam) await checkTaxSettingsChargeLimit(tx, taxed, taxParam);
    const invoice = items?.invoice ?? null;
    const all = invoice ? { ...set, latestInvoiceId: invoice.id } : set;
    const updated = await changeSubscription(tx, sub, all, 'customer.subscription.updated', scope.request, before);
    if (invoice) await announceNewInvoice(tx, invoice);
    return { subscription: updated, invoice, now };
  });
  if (changed.invoice?.status !== 'open') return subscriptionObject(db, changed.subscription);
  await chargeChangeInvoice(db, changed);
  return subscriptionObject(db, present(await findSubscription(db, scope), `subscription ${scope.id}`));
}
