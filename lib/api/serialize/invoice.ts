import type { AccountRow } from '@/db/queries/accounts';
import type { InvoiceLineRow, InvoiceRow } from '@/db/queries/invoices';
import type { StoredInvoiceTax } from '@/db/schema';
import { TAX_LOCATION_INVALID } from '@/lib/billing/invoices/invoice-errors';
import { hostedInvoiceUrl, invoicePdfUrl } from '@/lib/billing/invoices/invoice-url';
import { unix } from '@/lib/util/time';

/** Stripe's tax entry on an invoice or a line: a manual tax rate's share. */
function serializeTax(t: StoredInvoiceTax) {
  return {
    amount: t.amount,
    tax_behavior: t.inclusive ? ('inclusive' as const) : ('exclusive' as const),
    tax_rate_details: { tax_rate: t.tax_rate },
    taxability_reason: t.taxability_reason ?? ('not_available' as const),
    taxable_amount: t.taxable_amount,
    type: 'tax_rate_details' as const,
  };
}

export function serializeInvoiceLine(invoice: Pick<InvoiceRow, 'id' | 'livemode'> | null, row: InvoiceLineRow) {
  return {
    id: row.id,
    object: 'line_item' as const,
    amount: row.amount,
    currency: row.currency,
    description: row.description,
    discount_amounts: row.discountAmounts,
    // A proration's discount is already inside its amount.
    discountable: !row.proration,
    discounts: row.discountAmounts.map((d) => d.discount),
    invoice: invoice?.id ?? null,
    livemode: row.livemode,
    metadata: row.metadata,
    parent: row.subscriptionItemId
      ? {
          invoice_item_details: null,
          subscription_item_details: {
            invoice_item: row.invoiceItemId,
            proration: row.proration,
            proration_details: { credited_items: null },
            subscription: row.subscriptionId,
            subscription_item: row.subscriptionItemId,
          },
          type: 'subscription_item_details' as const,
        }
      : null,
    period: { end: unix(row.periodEnd), start: unix(row.periodStart) },
    pretax_credit_amounts: [],
    pricing: row.priceId
      ? {
          price_details: { price: row.priceId, product: row.productId ?? '' },
          type: 'price_details' as const,
          unit_amount_decimal: row.quantity ? String(row.amount / row.quantity) : null,
        }
      : null,
    quantity: row.quantity,
    quantity_decimal: row.quantity === null ? null : String(row.quantity),
    subscription: row.subscriptionId,
    subtotal: row.amount,
    taxes: row.taxes.map(serializeTax),
  };
}

/** What the invoice serializer needs of the account: its name and country, as Stripe prints them on invoices. */
export type InvoiceIssuer = Pick<AccountRow, 'name' | 'displayName' | 'country'>;

export function serializeInvoice(row: InvoiceRow, lines: InvoiceLineRow[], p: { appUrl: string; account: InvoiceIssuer }) {
  const finalized = row.status !== 'draft';
  return {
    id: row.id,
    object: 'invoice' as const,
    account_country: p.account.country,
    account_name: p.account.displayName ?? p.account.name,
    account_tax_ids: null,
    amount_due: row.amountDue,
    amount_overpaid: 0,
    amount_paid: row.amountPaid,
    amount_remaining: row.amountRemaining,
    amount_shipping: 0,
    application: null,
    attempt_count: row.attemptCount,
    attempted: row.attemptCount > 0,
    auto_advance: row.autoAdvance,
    automatic_tax: row.automaticTaxStatus
      ? { disabled_reason: null, enabled: true, liability: { type: 'self' as const }, provider: 'stripe', status: row.automaticTaxStatus }
      : { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: row.billingReason,
    collection_method: row.collectionMethod,
    created: unix(row.createdAt),
    currency: row.currency,
    custom_fields: null,
    customer: row.customerId,
    customer_account: null,
    customer_address: row.customer?.address ?? null,
    customer_email: row.customer?.email ?? null,
    customer_name: row.customer?.name ?? null,
    customer_phone: row.customer?.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: row.customer?.tax_exempt ?? ('none' as const),
    customer_tax_ids: row.customer?.tax_ids ?? [],
    default_payment_method: row.defaultPaymentMethodId,
    default_source: null,
    default_tax_rates: [],
    description: row.description,
    discounts: [...new Set(row.totalDiscountAmounts.map((d) => d.discount))],
    due_date: null,
    effective_at: row.finalizedAt ? unix(row.finalizedAt) : null,
    ending_balance: finalized ? (row.endingBalance ?? row.startingBalance) : null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: finalized ? hostedInvoiceUrl(p.appUrl, row.id) : null,
    invoice_pdf: finalized ? invoicePdfUrl(p.appUrl, row.id) : null,
    issuer: { type: 'self' as const },
    last_finalization_error:
      row.status === 'draft' && row.automaticTaxStatus === 'requires_location_inputs'
        ? {
            code: 'customer_tax_location_invalid' as const,
            doc_url: 'https://docs.stripe.com/error-codes/customer-tax-location-invalid',
            message: TAX_LOCATION_INVALID,
            type: 'invalid_request_error' as const,
          }
        : null,
    latest_revision: null,
    lines: {
      object: 'list' as const,
      data: lines.map((l) => serializeInvoiceLine(row, l)),
      has_more: false,
      total_count: lines.length,
      url: `/v1/invoices/${row.id}/lines`,
    },
    livemode: row.livemode,
    metadata: row.metadata,
    next_payment_attempt: row.nextPaymentAttempt ? unix(row.nextPaymentAttempt) : null,
    number: row.number,
    on_behalf_of: null,
    parent: row.subscriptionId
      ? {
          quote_details: null,
          subscription_details: { metadata: null, subscription: row.subscriptionId },
          type: 'subscription_details' as const,
        }
      : null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: unix(row.periodEnd),
    period_start: unix(row.periodStart),
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: row.startingBalance,
    statement_descriptor: null,
    status: row.status,
    status_transitions: {
      finalized_at: row.finalizedAt ? unix(row.finalizedAt) : null,
      marked_uncollectible_at: row.markedUncollectibleAt ? unix(row.markedUncollectibleAt) : null,
      paid_at: row.paidAt ? unix(row.paidAt) : null,
      voided_at: row.voidedAt ? unix(row.voidedAt) : null,
    },
    subtotal: row.subtotal,
    subtotal_excluding_tax: row.subtotalExcludingTax,
    test_clock: row.testClockId,
    total: row.total,
    total_discount_amounts: row.totalDiscountAmounts,
    total_excluding_tax: row.totalExcludingTax,
    total_pretax_credit_amounts: [],
    total_taxes: row.totalTaxes.map(serializeTax),
    webhooks_delivered_at: finalized ? unix(row.createdAt) : null,
  };
}
