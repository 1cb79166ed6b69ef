import 'server-only';
import type { Queryable } from '@/db/client';
import { findCharge } from '@/db/queries/charges';
import { findSession } from '@/db/queries/checkout-sessions';
import { openedDisputeOfCharge, refundsOfCharge } from '@/db/queries/dashboard-payments';
import { findPaymentIntent } from '@/db/queries/payment-intents';
import { findShippingRate } from '@/db/queries/shipping-rates';
import { listSessionLineItems, sessionObject } from '@/lib/checkout/session-reads';
import { eventViewsAbout } from './event-views';
import { disputeView, refundView, type DisputeView, type RefundView } from './payment-detail';
import { paymentLabel, type PaymentLabel } from './payment-status';

export type SessionPayment = {
  intentId: string;
  status: string;
  card: { brand: string; last4: string; threeDSecure: string | null } | null;
  sepaDebit: { last4: string; country: string } | null;
  /** The charge the payment left, with its refunds and its dispute once opened; its own page has the rest. */
  charge: {
    id: string;
    label: PaymentLabel;
    amount: number;
    amountRefunded: number;
    currency: string;
    refunds: RefundView[];
    dispute: DisputeView | null;
  } | null;
};

async function sessionCharge(
  db: Queryable,
  p: { accountId: string; id: string },
  intentStatus: PaymentLabelIntentStatus,
): Promise<SessionPayment['charge']> {
  const row = await findCharge(db, p);
  if (!row) return null;
  const [refunds, dispute] = await Promise.all([
    refundsOfCharge(db, { accountId: p.accountId, chargeId: row.id }),
    openedDisputeOfCharge(db, { accountId: p.accountId, chargeId: row.id }),
  ]);
  return {
    id: row.id,
    label: paymentLabel(row, intentStatus),
    amount: row.amount,
    amountRefunded: row.amountRefunded,
    currency: row.currency,
    refunds: refunds.map(refundView),
    dispute: disputeView(dispute),
  };
}

type PaymentLabelIntentStatus = Parameters<typeof paymentLabel>[1];

/**
 * Everything the session detail page shows, all read for one account: the
 * session and its line items as the API serializes them (their totals are the
 * stored pricing results, never recomputed here), the payment, the chosen
 * shipping rate's name, and the events about the session or its payment intent
 * with their webhook deliveries. Null when the account has no such session.
 */
export async function sessionDetail(db: Queryable, p: { accountId: string; id: string }) {
  const row = await findSession(db, p);
  if (!row) return null;
  const scope = { accountId: p.accountId };
  const [lines, intent, rate, sessionEvents] = await Promise.all([
    listSessionLineItems(db, { ...scope, sessionId: row.id }, { limit: 100 }),
    row.paymentIntentId ? findPaymentIntent(db, { ...scope, id: row.paymentIntentId }) : null,
    row.shippingRateId && row.shippingCost ? findShippingRate(db, { ...scope, id: row.shippingRateId }) : null,
    eventViewsAbout(db, { ...scope, objectIds: [row.id, ...(row.paymentIntentId ? [row.paymentIntentId] : [])] }),
  ]);
  const charge = intent?.latestChargeId ? await sessionCharge(db, { ...scope, id: intent.latestChargeId }, intent.status) : null;
  // A zero-amount intent is only the session's internal lock (see payment-intent-reads.ts): no payment to show.
  const payment: SessionPayment | null =
    intent && intent.amount > 0
      ? {
          intentId: intent.id,
          status: intent.status,
          card: intent.card ? { brand: intent.card.brand, last4: intent.card.last4, threeDSecure: intent.card.three_d_secure } : null,
          sepaDebit: intent.sepaDebit ? { last4: intent.sepaDebit.last4, country: intent.sepaDebit.country } : null,
          charge,
        }
      : null;
  return {
    session: sessionObject(row),
    lineItems: lines.data,
    moreLineItems: lines.has_more,
    shippingRateName: rate?.displayName ?? null,
    payment,
    events: sessionEvents,
  };
}

export type SessionDetail = NonNullable<Awaited<ReturnType<typeof sessionDetail>>>;
