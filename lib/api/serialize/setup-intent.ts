import type { SetupIntentRow } from '@/db/queries/setup-intents';
import { unix } from '@/lib/util/time';

/** The options Stripe shows for each type the intent may save: Caisse sets none of them. */
function paymentMethodOptions(types: string[]) {
  return {
    ...(types.includes('card') && { card: { mandate_options: null, network: null, request_three_d_secure: 'automatic' as const } }),
    ...(types.includes('sepa_debit') && { sepa_debit: {} }),
  };
}

/**
 * Stripe's SetupIntent object. Caisse makes one per setup-mode Checkout Session; the page collects the method, so no
 * client secret is handed out and no attempt objects exist. Its one next action is the page's 3-D Secure challenge,
 * as on a payment intent. Caisse cancels a setup intent only when its session expires unfinished: its
 * cancellation_reason is then `abandoned`.
 */
export function serializeSetupIntent(row: SetupIntentRow) {
  return {
    id: row.id,
    object: 'setup_intent' as const,
    allowed_payment_method_types: null,
    application: null,
    automatic_payment_methods: null,
    cancellation_reason: row.status === 'canceled' ? ('abandoned' as const) : null,
    client_secret: null,
    created: unix(row.createdAt),
    customer: row.customerId,
    customer_account: null,
    description: row.description,
    excluded_payment_method_types: null,
    flow_directions: null,
    last_setup_error: row.lastSetupError,
    latest_attempt: null,
    livemode: row.livemode,
    mandate: null,
    metadata: row.metadata,
    next_action:
      row.status === 'requires_action' ? { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' as const } } : null,
    on_behalf_of: null,
    payment_method: row.paymentMethodId,
    payment_method_configuration_details: null,
    payment_method_options: paymentMethodOptions(row.paymentMethodTypes),
    payment_method_types: row.paymentMethodTypes,
    single_use_mandate: null,
    status: row.status,
    usage: row.usage,
  };
}
