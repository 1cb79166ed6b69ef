import type { ChargeRow } from '@/db/queries/charges';
import type { PaymentIntentRow } from '@/db/queries/payment-intents';
import { paymentLabel, type PaymentLabel } from './payment-status';

/** How a payment was made, as the dashboard names it: a card's brand and last four digits, or a debited account's. */
export type PaymentMethodSummary =
  { type: 'card'; brand: string; last4: string } | { type: 'sepa_debit'; last4: string; country: string } | null;

/** One row of the payments table: only what the dashboard lists, never the whole charge. */
export type PaymentSummary = {
  id: string;
  created: Date;
  amount: number;
  amountRefunded: number;
  currency: string;
  label: PaymentLabel;
  email: string | null;
  method: PaymentMethodSummary;
  sessionId: string | null;
  customerId: string | null;
};

export function paymentMethodSummary(charge: Pick<ChargeRow, 'card' | 'sepaDebit'>): PaymentMethodSummary {
  if (charge.card) return { type: 'card', brand: charge.card.brand, last4: charge.card.last4 };
  if (charge.sepaDebit) return { type: 'sepa_debit', last4: charge.sepaDebit.last4, country: charge.sepaDebit.country };
  return null;
}

export function chargeRowSummary(
  charge: ChargeRow,
  intent: { status: PaymentIntentRow['status']; checkoutSessionId: string | null } | null,
): PaymentSummary {
  return {
    id: charge.id,
    created: charge.createdAt,
    amount: charge.amount,
    amountRefunded: charge.amountRefunded,
    currency: charge.currency,
    label: paymentLabel(charge, intent?.status ?? null),
    // The email the customer typed at checkout, else the one the receipt went to.
    email: charge.billingDetails.email ?? charge.receiptEmail,
    method: paymentMethodSummary(charge),
    sessionId: intent?.checkoutSessionId ?? null,
    customerId: charge.customerId,
  };
}
