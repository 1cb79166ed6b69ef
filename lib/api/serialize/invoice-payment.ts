import { createHash } from 'node:crypto';
import type { InvoiceRow } from '@/db/queries/invoices';
import type { PaymentIntentRow } from '@/db/queries/payment-intents';
import { unix, unixOrNull } from '@/lib/util/time';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * An invoice payment is not stored: it is the invoice's payment intent seen from the invoice, so its id
 * is derived from the two (the same every time it is shown).
 */
export function invoicePaymentId(invoiceId: string, intentId: string): string {
  const digest = createHash('sha256').update(`invoice-payment:${invoiceId}:${intentId}`).digest();
  return `inpay_${Array.from(digest.subarray(0, 24), (b) => ALPHABET[b % 62]).join('')}`;
}

/** Stripe's InvoicePayment for the invoice's payment intent: paid, canceled, or still open. */
export function serializeInvoicePayment(invoice: InvoiceRow, intent: PaymentIntentRow) {
  const status = intent.status === 'succeeded' ? 'paid' : intent.status === 'canceled' ? 'canceled' : 'open';
  return {
    id: invoicePaymentId(invoice.id, intent.id),
    object: 'invoice_payment' as const,
    amount_paid: status === 'paid' ? intent.amountReceived : null,
    amount_requested: intent.amount,
    created: unix(intent.createdAt),
    currency: intent.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: intent.livemode,
    payment: { payment_intent: intent.id, type: 'payment_intent' as const },
    status,
    status_transitions: {
      canceled_at: status === 'canceled' ? unixOrNull(intent.canceledAt) : null,
      paid_at: status === 'paid' ? unixOrNull(invoice.paidAt) : null,
    },
  };
}
