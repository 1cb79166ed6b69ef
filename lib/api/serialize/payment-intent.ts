import type { PaymentIntentRow } from '@/db/queries/payment-intents';
import { unix, unixOrNull } from '@/lib/util/time';

/** Stripe's PaymentIntent object; the card shows only as the payment method's id. */
export function serializePaymentIntent(row: PaymentIntentRow) {
  return {
    id: row.id,
    object: 'payment_intent' as const,
    allowed_payment_method_types: null,
    amount: row.amount,
    amount_capturable: row.status === 'requires_capture' ? row.amount : 0,
    amount_details: { tip: {} },
    amount_received: row.amountReceived,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: unixOrNull(row.canceledAt),
    cancellation_reason: row.cancellationReason,
    capture_method: row.captureMethod,
    client_secret: null,
    confirmation_method: 'automatic',
    created: unix(row.createdAt),
    currency: row.currency,
    customer: row.customerId,
    customer_account: null,
    description: row.description,
    excluded_payment_method_types: null,
    last_payment_error: row.lastPaymentError,
    latest_charge: row.latestChargeId,
    livemode: row.livemode,
    managed_payments: null,
    metadata: row.metadata,
    next_action: row.nextAction,
    on_behalf_of: null,
    payment_method: row.paymentMethodId,
    payment_method_configuration_details: null,
    payment_method_options: row.sepaDebit
      ? { sepa_debit: {} }
      : { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
    payment_method_types: [row.sepaDebit ? 'sepa_debit' : 'card'],
    payment_record: null,
    // Adaptive pricing: what the customer saw and paid in their currency (the session's, when it was paid).
    ...(row.presentmentDetails && { presentment_details: row.presentmentDetails }),
    processing: null,
    receipt_email: row.receiptEmail,
    review: null,
    setup_future_usage: row.setupFutureUsage,
    shipping: row.shipping,
    source: null,
    statement_descriptor: row.statementDescriptor,
    statement_descriptor_suffix: null,
    status: row.status,
    transfer_data: null,
    transfer_group: null,
  };
}
