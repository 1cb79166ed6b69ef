import type { ReceiptT } from './receipt-translator';

/**
 * The parts of a receipt that depend on what became of the payment after it was made: its state (an
 * authorization not captured yet or released, a debit the bank has not confirmed) and its refunds.
 * Pure: localized strings only, for the email (text and HTML) and the hosted receipt page alike.
 */

/** What became of the payment: paid (captured), processing (a debit on its way), authorized (not captured yet), canceled (released). */
export type ReceiptState = 'paid' | 'processing' | 'authorized' | 'canceled';

/** A refund as the customer sees it: requires_action counts as pending (nothing has come back yet). */
export type ReceiptRefundStatus = 'pending' | 'succeeded' | 'failed' | 'canceled';
export type ReceiptRefund = { amount: number; createdAt: Date; status: ReceiptRefundStatus };

export type ReceiptStatusView = { state: Exclude<ReceiptState, 'paid'>; label: string; detail: string };
export type ReceiptRefundRow = { date: string; amount: string; status: string; state: ReceiptRefundStatus };
export type ReceiptRefundsView = {
  title: string;
  headers: { date: string; amount: string; status: string };
  rows: ReceiptRefundRow[];
  total: [label: string, value: string];
};

type Format = { t: ReceiptT; money: (minor: number) => string; date: (d: Date) => string };

/** Money given back: every refund that has not failed or been canceled, as charge.amount_refunded counts it. */
export function refundedTotal(refunds: readonly Pick<ReceiptRefund, 'amount' | 'status'>[]): number {
  return refunds.reduce((sum, r) => (r.status === 'failed' || r.status === 'canceled' ? sum : sum + r.amount), 0);
}

export function statusView(state: ReceiptState, t: ReceiptT): ReceiptStatusView | null {
  switch (state) {
    case 'paid':
      return null;
    case 'processing':
      return { state, label: t('statusProcessing'), detail: t('statusProcessingDetail') };
    case 'authorized':
      return { state, label: t('statusAuthorized'), detail: t('statusAuthorizedDetail') };
    case 'canceled':
      return { state, label: t('statusCanceled'), detail: t('statusCanceledDetail') };
  }
}

/** The amount's label: only a captured payment was "paid". */
export function amountLabel(state: ReceiptState, t: ReceiptT): string {
  if (state === 'paid') return t('amountPaid');
  return state === 'processing' ? t('amount') : t('amountAuthorized');
}

const REFUND_STATUS_KEY = {
  pending: 'refundPending',
  succeeded: 'refundSucceeded',
  failed: 'refundFailed',
  canceled: 'refundCanceled',
} as const satisfies Record<ReceiptRefundStatus, string>;

/**
 * The refunds, oldest first, with what they gave back in all. None for a released authorization: its
 * one refund is how the release is recorded, and the customer was never charged (the state says so).
 */
export function refundsView(state: ReceiptState, refunds: readonly ReceiptRefund[], f: Format): ReceiptRefundsView | null {
  if (!refunds.length || state === 'canceled') return null;
  return {
    title: f.t('refunds'),
    headers: { date: f.t('date'), amount: f.t('amount'), status: f.t('status') },
    rows: refunds.map((r) => ({
      date: f.date(r.createdAt),
      amount: f.money(r.amount),
      status: f.t(REFUND_STATUS_KEY[r.status]),
      state: r.status,
    })),
    total: [f.t('refundedTotal'), f.money(refundedTotal(refunds))],
  };
}

/** The facts at the top of a refund's email: how much came back and when, and the payment it came from. */
export function refundFacts(
  refund: { amount: number; createdAt: Date },
  payment: { amount: number; at: Date },
  f: Format,
): [string, string][] {
  return [
    [f.t('amountRefunded'), f.money(refund.amount)],
    [f.t('dateRefunded'), f.date(refund.createdAt)],
    [f.t('originalPayment'), f.t('originalPaymentValue', { amount: f.money(payment.amount), date: f.date(payment.at) })],
  ];
}
