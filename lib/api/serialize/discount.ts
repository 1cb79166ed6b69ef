import type { SessionRow } from '@/db/queries/checkout-sessions';
import { unix } from '@/lib/util/time';

/** The Discount object (di_…) behind a session's applied coupon or promotion code. */
export function serializeSessionDiscount(session: SessionRow, d: SessionRow['discounts'][number]) {
  return {
    id: d.id,
    object: 'discount' as const,
    checkout_session: session.id,
    customer: session.customerId,
    customer_account: null,
    end: null,
    invoice: null,
    invoice_item: null,
    promotion_code: d.promotion_code,
    source: { coupon: d.coupon, type: 'coupon' as const },
    start: unix(session.createdAt),
    subscription: null,
    subscription_item: null,
  };
}
