import 'server-only';
import type { Queryable } from '@/db/client';
import { findCharge, type ChargeRow } from '@/db/queries/charges';
import { findCustomer } from '@/db/queries/customers';
import { openedDisputeOfCharge, refundsOfCharge } from '@/db/queries/dashboard-payments';
import type { DisputeRow } from '@/db/queries/disputes';
import { findPaymentIntent } from '@/db/queries/payment-intents';
import type { RefundRow } from '@/db/queries/refunds';
import { env } from '@/lib/env';
import { disputeAllowsRefund } from '@/lib/payments/disputes/dispute-allows-refund';
import { receiptUrl } from '@/lib/receipts/receipt-url';
import { paymentLabel } from './payment-status';
import { paymentMethodSummary } from './payment-summary';

export type RefundView = Pick<RefundRow, 'id' | 'amount' | 'currency' | 'status' | 'reason' | 'failureReason'> & { created: Date };

export type DisputeView = Pick<DisputeRow, 'id' | 'amount' | 'currency' | 'reason' | 'evidence' | 'evidenceDueBy' | 'submissionCount'> & {
  status: NonNullable<DisputeRow['status']>;
  created: Date;
  /** Whether the merchant may still submit evidence or accept it. */
  answerable: boolean;
};

const ANSWERABLE: DisputeView['status'][] = ['needs_response', 'warning_needs_response'];

export function refundView(r: RefundRow): RefundView {
  return {
    id: r.id,
    amount: r.amount,
    currency: r.currency,
    status: r.status,
    reason: r.reason,
    failureReason: r.failureReason,
    created: r.createdAt,
  };
}

export function disputeView(d: DisputeRow | null): DisputeView | null {
  if (!d?.status) return null;
  const { status } = d;
  return {
    id: d.id,
    amount: d.amount,
    currency: d.currency,
    reason: d.reason,
    evidence: d.evidence,
    evidenceDueBy: d.evidenceDueBy,
    submissionCount: d.submissionCount,
    status,
    created: d.createdAt,
    answerable: ANSWERABLE.includes(status),
  };
}

/**
 * What is left to refund of a captured charge the bank has not taken back (a chargeback open or lost:
 * lib/payments refuses it as charge_disputed, by the same rule); 0 when nothing may be.
 */
export function refundableAmount(
  charge: Pick<ChargeRow, 'status' | 'captured' | 'amountCaptured' | 'amountRefunded'>,
  dispute: Pick<DisputeRow, 'status'> | null,
): number {
  if (charge.status !== 'succeeded' || !charge.captured) return 0;
  if (dispute?.status && !disputeAllowsRefund(dispute.status)) return 0;
  return Math.max(0, charge.amountCaptured - charge.amountRefunded);
}

/**
 * Everything a payment's page shows, read for one account: the charge (as the list labels it), its payment
 * intent's status, its refunds (newest first), its dispute once opened, the session and customer it belongs
 * to, its receipt link, and what the merchant may still do with it. Null when the account has no such charge.
 */
export async function paymentDetail(db: Queryable, p: { accountId: string; id: string }) {
  const charge = await findCharge(db, p);
  if (!charge) return null;
  const scope = { accountId: p.accountId };
  const [intent, refunds, dispute, customer] = await Promise.all([
    findPaymentIntent(db, { ...scope, id: charge.paymentIntentId }),
    refundsOfCharge(db, { ...scope, chargeId: charge.id }),
    openedDisputeOfCharge(db, { ...scope, chargeId: charge.id }),
    charge.customerId ? findCustomer(db, { ...scope, id: charge.customerId, includeDeleted: true }) : null,
  ]);
  const waitsForCapture = intent?.status === 'requires_capture' && !charge.captured && charge.status === 'succeeded';
  return {
    charge: {
      id: charge.id,
      created: charge.createdAt,
      amount: charge.amount,
      amountCaptured: charge.amountCaptured,
      amountRefunded: charge.amountRefunded,
      currency: charge.currency,
      status: charge.status,
      captured: charge.captured,
      label: paymentLabel(charge, intent?.status ?? null),
      method: paymentMethodSummary(charge),
      billingName: charge.billingDetails.name,
      email: charge.billingDetails.email ?? charge.receiptEmail,
      description: charge.description,
      failureMessage: charge.failureMessage,
      captureBefore: waitsForCapture ? charge.captureBefore : null,
      receiptUrl: charge.status === 'failed' ? null : receiptUrl(env().APP_URL, charge.id),
    },
    intent: intent ? { id: intent.id, status: intent.status, cancellationReason: intent.cancellationReason } : null,
    sessionId: intent?.checkoutSessionId ?? null,
    customer: customer ? { id: customer.id, email: customer.email, name: customer.name } : null,
    refunds: refunds.map(refundView),
    dispute: disputeView(dispute),
    refundable: refundableAmount(charge, dispute),
    capturable: waitsForCapture ? charge.amount : 0,
  };
}

export type PaymentDetail = NonNullable<Awaited<ReturnType<typeof paymentDetail>>>;
