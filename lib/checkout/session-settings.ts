import { initialMetadata } from '@/lib/api/params';
import { isEmbedded } from './ui-mode';
import type { CreateCheckoutSessionParams } from '@/lib/validation/checkout-sessions';
import type { StoredCustomField } from '@/db/schema/checkout-json';

const stripUndefined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The session settings that are stored as given (shaped as Stripe returns them). */
export function sessionColumnsFromParams(p: CreateCheckoutSessionParams) {
  const ct = p.custom_text;
  return {
    successUrl: p.success_url ?? null,
    cancelUrl: p.cancel_url ?? null,
    returnUrl: p.return_url ?? null,
    redirectOnCompletion: p.redirect_on_completion ?? (p.ui_mode && isEmbedded(p.ui_mode) ? 'always' : null),
    clientReferenceId: p.client_reference_id ?? null,
    locale: p.locale ?? null,
    submitType: p.submit_type ?? (p.mode === 'payment' ? 'auto' : null),
    customerCreation: p.customer_creation ?? (p.mode !== 'subscription' && !p.customer ? 'if_required' : null),
    allowPromotionCodes: p.allow_promotion_codes ?? null,
    shippingAddressCollection: p.shipping_address_collection ?? null,
    billingAddressCollection: p.billing_address_collection ?? 'auto',
    phoneNumberCollection: { enabled: p.phone_number_collection?.enabled ?? false },
    taxIdCollection: { enabled: p.tax_id_collection?.enabled ?? false, required: p.tax_id_collection?.required ?? 'never' },
    nameCollection: p.name_collection
      ? stripUndefined({
          business: p.name_collection.business
            ? { enabled: p.name_collection.business.enabled, optional: p.name_collection.business.optional ?? false }
            : undefined,
          individual: p.name_collection.individual
            ? { enabled: p.name_collection.individual.enabled, optional: p.name_collection.individual.optional ?? false }
            : undefined,
        })
      : null,
    customFields: (p.custom_fields ?? []).map((f): StoredCustomField => ({
      key: f.key,
      label: { type: 'custom', custom: f.label.custom },
      type: f.type,
      optional: f.optional ?? false,
      // A dropdown field comes with its options (session-rules.ts).
      ...(f.type === 'dropdown' &&
        f.dropdown && {
          dropdown: { default_value: f.dropdown.default_value ?? null, options: f.dropdown.options, value: null },
        }),
      ...(f.type === 'numeric' && {
        numeric: {
          default_value: f.numeric?.default_value ?? null,
          maximum_length: f.numeric?.maximum_length ?? null,
          minimum_length: f.numeric?.minimum_length ?? null,
          value: null,
        },
      }),
      ...(f.type === 'text' && {
        text: {
          default_value: f.text?.default_value ?? null,
          maximum_length: f.text?.maximum_length ?? null,
          minimum_length: f.text?.minimum_length ?? null,
          value: null,
        },
      }),
    })),
    customText: {
      after_submit: ct?.after_submit ?? null,
      shipping_address: ct?.shipping_address ?? null,
      submit: ct?.submit ?? null,
      terms_of_service_acceptance: ct?.terms_of_service_acceptance ?? null,
    },
    consentCollection: p.consent_collection
      ? {
          payment_method_reuse_agreement: p.consent_collection.payment_method_reuse_agreement ?? null,
          promotions: p.consent_collection.promotions ?? null,
          terms_of_service: p.consent_collection.terms_of_service ?? null,
        }
      : null,
    afterExpiration: p.after_expiration?.recovery
      ? {
          recovery: {
            allow_promotion_codes: p.after_expiration.recovery.allow_promotion_codes ?? false,
            enabled: p.after_expiration.recovery.enabled,
            expires_at: null,
            url: null,
          },
        }
      : null,
    paymentIntentData: p.payment_intent_data
      ? { ...p.payment_intent_data, metadata: initialMetadata(p.payment_intent_data.metadata) }
      : null,
    subscriptionData: p.subscription_data ? { ...p.subscription_data, metadata: initialMetadata(p.subscription_data.metadata) } : null,
    paymentMethodTypes: p.payment_method_types ?? ['card'],
    paymentMethodCollection: p.mode === 'subscription' ? (p.payment_method_collection ?? 'always') : null,
    brandingSettings: p.branding_settings ?? null,
    invoiceCreation: p.mode === 'payment' ? { enabled: false, invoice_data: null } : null,
    savedPaymentMethodOptions: p.saved_payment_method_options ?? null,
    walletOptions: p.wallet_options ?? null,
    customerUpdate: p.customer_update ?? null,
    integrationIdentifier: p.integration_identifier ?? null,
    optionalItems: p.optional_items
      ? p.optional_items.map((o) => ({
          price: o.price,
          quantity: o.quantity,
          adjustable_quantity: o.adjustable_quantity
            ? {
                enabled: o.adjustable_quantity.enabled,
                maximum: o.adjustable_quantity.maximum ?? null,
                minimum: o.adjustable_quantity.minimum ?? null,
              }
            : null,
        }))
      : null,
  };
}
