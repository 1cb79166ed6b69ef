import type { Db } from '@/db/client';
import { UPCOMING_NOTICE_MS } from '@/db/queries/billing-due';
import { lockSubscription, updateSubscriptionFields, type SubscriptionRow } from '@/db/queries/subscriptions';
import { ApiError } from '@/lib/api/errors';
import { recordEvent } from '@/lib/events/record-event';
import { previewInvoice } from '../invoices/preview-invoice';
import { RENEWING_STATUSES } from './renew-subscription';
import { log, errorText } from '@/lib/log';

/** A trial that ends without a card and is not to be invoiced: no renewal invoice is coming. */
const endsUninvoiced = (sub: SubscriptionRow) =>
  sub.status === 'trialing' && !sub.defaultPaymentMethodId && sub.trialEndBehavior !== 'create_invoice';

/**
 * A week before a period ends: `invoice.upcoming`, once per period, holding the renewal invoice as
 * create_preview shows it — with no id, as Stripe's has none. The period is marked as announced even
 * when nothing is coming (no lines, a card-less trial about to cancel or pause), so it is never due again.
 */
export async function announceUpcomingInvoice(db: Db, due: { accountId: string; id: string }, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const sub = await lockSubscription(tx, due);
    if (!sub || !(RENEWING_STATUSES as readonly string[]).includes(sub.status)) return false;
    if (sub.upcomingAnnouncedFor?.getTime() === sub.currentPeriodEnd.getTime()) return false;
    if (sub.currentPeriodEnd.getTime() - UPCOMING_NOTICE_MS > now.getTime()) return false;
    await updateSubscriptionFields(tx, { accountId: sub.accountId, id: sub.id, set: { upcomingAnnouncedFor: sub.currentPeriodEnd } });
    if (endsUninvoiced(sub)) return true;
    let upcoming;
    try {
      upcoming = await previewInvoice(tx, { accountId: sub.accountId }, { subscription: sub.id }, now);
    } catch (err) {
      // invoice_upcoming_none: the subscription ends with this period, or has nothing to bill. Anything else
      // is logged: a notice that cannot be made must not hold up the renewals due after it.
      if (!(err instanceof ApiError && err.status === 404))
        log().error({ subscription: sub.id, error: errorText(err) }, 'no invoice.upcoming');
      return true;
    }
    const { id: _previewId, ...invoice } = upcoming;
    await recordEvent(tx, { accountId: sub.accountId, type: 'invoice.upcoming', object: invoice });
    return true;
  });
}
