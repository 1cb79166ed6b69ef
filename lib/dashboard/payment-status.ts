import type { ChargeRow } from '@/db/queries/charges';
import type { PaymentIntentRow } from '@/db/queries/payment-intents';

/**
 * What the dashboard calls a payment (one charge), in one word: the list's badge and its filters
 * (db/queries/dashboard-payments.ts paymentStatusFilter selects exactly the charges this labels so).
 * The first that applies wins: failed, pending, disputed, canceled (an authorization given back without
 * capture), uncaptured (waiting for capture), refunded (every captured cent), partially refunded, succeeded.
 */
export const PAYMENT_LABELS = [
  'failed',
  'pending',
  'disputed',
  'canceled',
  'uncaptured',
  'refunded',
  'partially_refunded',
  'succeeded',
] as const;
export type PaymentLabel = (typeof PAYMENT_LABELS)[number];

/** The list's filter tabs, "all" being no filter. */
export const PAYMENT_FILTERS = ['succeeded', 'refunded', 'partially_refunded', 'disputed', 'uncaptured'] as const;
export type PaymentFilter = (typeof PAYMENT_FILTERS)[number];

type LabelledCharge = Pick<ChargeRow, 'status' | 'captured' | 'disputed' | 'amountCaptured' | 'amountRefunded'>;

export function paymentLabel(charge: LabelledCharge, intentStatus: PaymentIntentRow['status'] | null): PaymentLabel {
  if (charge.status === 'failed') return 'failed';
  if (charge.status === 'pending') return 'pending';
  if (charge.disputed) return 'disputed';
  if (!charge.captured) return intentStatus === 'requires_capture' ? 'uncaptured' : 'canceled';
  if (charge.amountRefunded > 0 && charge.amountRefunded >= charge.amountCaptured) return 'refunded';
  if (charge.amountRefunded > 0) return 'partially_refunded';
  return 'succeeded';
}
