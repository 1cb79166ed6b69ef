import { presentmentDetails } from '@/lib/checkout/adaptive-pricing';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import type { StoredInvoiceCreation, StoredShippingCost, StoredTotalDetails } from '@/db/schema/checkout-json';
import { isEmbedded } from '@/lib/checkout/ui-mode';
import { unix } from '@/lib/util/time';

/** Stripe's invoice_data when no invoice is created: always an object, never null (Checkout/Sessions.d.ts). */
const emptyInvoiceData = () => ({
  account_tax_ids: null,
  custom_fields: null,
  description: null,
  footer: null,
  issuer: null,
  metadata: {},
  rendering_options: null,
});

function invoiceCreation(stored: StoredInvoiceCreation | null) {
  if (!stored) return null;
  return { enabled: stored.enabled, invoice_data: emptyInvoiceData() };
}

const withoutBreakdown = (t: StoredTotalDetails | null) =>
  t ? { amount_discount: t.amount_discount, amount_shipping: t.amount_shipping, amount_tax: t.amount_tax } : null;

const withoutTaxes = (c: StoredShippingCost | null) =>
  c ? { amount_subtotal: c.amount_subtotal, amount_tax: c.amount_tax, amount_total: c.amount_total, shipping_rate: c.shipping_rate } : null;

/**
 * Stripe's Checkout Session object: every field present. `line_items`,
 * `total_details.breakdown` and `shipping_cost.taxes` appear only when
 * expanded, as with Stripe.
 */
export function serializeSession(row: SessionRow, appUrl: string) {
  const hosted = !isEmbedded(row.uiMode);
  const open = row.status === 'open';
  const totalDetails = row.totalDetails;
  return {
    id: row.id,
    object: 'checkout.session' as const,
    adaptive_pricing: { enabled: row.adaptivePricing.enabled },
    after_expiration: row.afterExpiration,
    allow_promotion_codes: row.allowPromotionCodes,
    allowed_payment_method_types: null,
    amount_subtotal: row.amountSubtotal,
    amount_total: row.amountTotal,
    automatic_tax: row.automaticTax.enabled
      ? {
          enabled: true,
          liability: { type: 'self' as const },
          provider: 'stripe',
          status: row.automaticTax.status ?? 'requires_location_inputs',
        }
      : { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: row.billingAddressCollection,
    ...(row.brandingSettings && { branding_settings: row.brandingSettings }),
    cancel_url: row.cancelUrl,
    client_reference_id: row.clientReferenceId,
    client_secret: hosted ? null : row.clientSecret,
    collected_information: row.collectedInformation,
    consent: row.consent,
    consent_collection: row.consentCollection,
    created: unix(row.createdAt),
    currency: row.currency,
    currency_conversion: null,
    custom_fields: row.customFields,
    custom_text: row.customText,
    customer: row.customerId,
    customer_account: null,
    customer_creation: row.customerCreation,
    customer_details: row.customerDetails,
    customer_email: row.customerEmail,
    discounts: row.discounts.map((d) => ({ coupon: d.coupon, promotion_code: d.promotion_code })),
    expires_at: unix(row.expiresAt),
    integration_identifier: row.integrationIdentifier,
    invoice: row.invoiceId,
    invoice_creation: invoiceCreation(row.invoiceCreation),
    livemode: row.livemode,
    locale: row.locale,
    managed_payments: null,
    metadata: row.metadata,
    mode: row.mode,
    ...(row.nameCollection && { name_collection: row.nameCollection }),
    optional_items: row.optionalItems,
    origin_context: null,
    payment_intent: row.paymentIntentId,
    payment_link: null,
    payment_method_collection: row.paymentMethodCollection,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: row.paymentMethodTypes,
    payment_status: row.paymentStatus,
    permissions: null,
    phone_number_collection: row.phoneNumberCollection,
    // Only when adaptive pricing shows the customer another currency, as with Stripe.
    ...(presentmentDetails(row) && { presentment_details: presentmentDetails(row) }),
    recovered_from: row.recoveredFrom,
    ...(!hosted && { redirect_on_completion: row.redirectOnCompletion }),
    ...(!hosted && row.returnUrl && { return_url: row.returnUrl }),
    saved_payment_method_options: row.savedPaymentMethodOptions,
    setup_intent: row.setupIntentId,
    shipping_address_collection: row.shippingAddressCollection,
    shipping_cost: withoutTaxes(row.shippingCost),
    shipping_options: row.shippingOptions,
    status: row.status,
    submit_type: row.submitType,
    subscription: row.subscriptionId,
    success_url: row.successUrl,
    tax_id_collection: row.taxIdCollection,
    total_details: withoutBreakdown(totalDetails),
    ui_mode: row.uiMode,
    url: hosted && open ? `${appUrl}/c/${row.id}` : null,
    wallet_options: row.walletOptions,
  };
}

export type SessionObject = ReturnType<typeof serializeSession>;
