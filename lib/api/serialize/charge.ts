import type { ChargeRow } from '@/db/queries/charges';
import type { StoredCard, StoredPaymentShipping, StoredSepaDebit } from '@/db/schema';
import { receiptUrl } from '@/lib/receipts/receipt-url';
import { unix } from '@/lib/util/time';

/** Stripe's three_d_secure on a card charge: present only when a challenge was run. */
function threeDSecure(card: StoredCard) {
  if (card.three_d_secure !== 'authenticated' && card.three_d_secure !== 'failed') return null;
  return {
    authentication_flow: 'challenge' as const,
    electronic_commerce_indicator: null,
    exemption_indicator: null,
    result: card.three_d_secure === 'authenticated' ? ('authenticated' as const) : ('failed' as const),
    result_reason: null,
    transaction_id: null,
    version: '2.2.0' as const,
  };
}

function cardDetails(row: ChargeRow, card: StoredCard) {
  return {
    type: 'card' as const,
    card: {
      amount_authorized: row.amount,
      authorization_code: null,
      brand: card.brand,
      ...(row.captureBefore && !row.captured ? { capture_before: unix(row.captureBefore) } : {}),
      // Caisse asks for the CVC on every payment and the test processor checks it; addresses are not checked.
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: card.country,
      electronic_commerce_indicator: null,
      exp_month: card.exp_month,
      exp_year: card.exp_year,
      fingerprint: card.fingerprint,
      funding: card.funding,
      installments: null,
      last4: card.last4,
      mandate: null,
      network: card.brand,
      network_transaction_id: null,
      regulated_status: null,
      three_d_secure: threeDSecure(card),
      transaction_link_id: null,
      wallet: null,
    },
  };
}

const sepaDetails = (sepa: StoredSepaDebit) => ({
  type: 'sepa_debit' as const,
  sepa_debit: { ...sepa, mandate: null },
});

/** What a merchant may add to a charge's shipping (POST /v1/charges/:id), kept in the same column as the collected address. */
export type ChargeShippingExtras = { carrier: string | null; phone: string | null; tracking_number: string | null };
export type StoredChargeShipping = StoredPaymentShipping & Partial<ChargeShippingExtras>;

/** Stripe's Charge.Shipping: every key present, null where nothing was given. */
export function chargeShipping(stored: StoredChargeShipping | null) {
  if (!stored) return null;
  return {
    address: stored.address,
    carrier: stored.carrier ?? null,
    name: stored.name,
    phone: stored.phone ?? null,
    tracking_number: stored.tracking_number ?? null,
  };
}

/** Stripe's Charge object. `refunds` appears only when expanded, as in Stripe's current API versions. */
export function serializeCharge(row: ChargeRow, appUrl: string) {
  return {
    id: row.id,
    object: 'charge' as const,
    amount: row.amount,
    amount_captured: row.amountCaptured,
    amount_refunded: row.amountRefunded,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    // Caisse keeps no balance: no balance transactions to point to.
    balance_transaction: null,
    billing_details: row.billingDetails,
    calculated_statement_descriptor: row.statementDescriptor,
    captured: row.captured,
    created: unix(row.createdAt),
    currency: row.currency,
    customer: row.customerId,
    description: row.description,
    disputed: row.disputed,
    failure_balance_transaction: null,
    failure_code: row.failureCode,
    failure_message: row.failureMessage,
    fraud_details: {},
    livemode: row.livemode,
    metadata: row.metadata,
    on_behalf_of: null,
    // Stripe's Outcome also has the network's advice and decline codes: the test networks give none.
    outcome: row.outcome && { advice_code: null, network_advice_code: null, network_decline_code: null, ...row.outcome },
    paid: row.status === 'succeeded',
    payment_intent: row.paymentIntentId,
    payment_method: row.paymentMethodId,
    payment_method_details: row.card ? cardDetails(row, row.card) : row.sepaDebit ? sepaDetails(row.sepaDebit) : null,
    receipt_email: row.receiptEmail,
    receipt_number: row.receiptNumber,
    receipt_url: row.status === 'failed' ? null : receiptUrl(appUrl, row.id),
    // Fully given back: every captured cent refunded, or an authorization released in full.
    refunded: row.amountRefunded > 0 && row.amountRefunded === (row.captured ? row.amountCaptured : row.amount),
    review: null,
    shipping: chargeShipping(row.shipping),
    source: null,
    source_transfer: null,
    statement_descriptor: row.statementDescriptor,
    statement_descriptor_suffix: null,
    status: row.status,
    transfer_data: null,
    transfer_group: null,
  };
}
