import { STRIPE_EVENT_TYPES } from './stripe-event-types';

/**
 * Event types. Caisse emits CAISSE_EVENT_TYPES (each in the transaction of the
 * change it reports); a webhook endpoint may also subscribe to any other type
 * Stripe documents, so that a merchant's Stripe configuration carries over,
 * while a typo ("checkout.session.complete") is refused instead of silently
 * never firing. event-types.test.ts keeps STRIPE_EVENT_TYPES equal to the
 * SDK's WebhookEndpointCreateParams.EnabledEvent union.
 */

export const CAISSE_EVENT_TYPES = [
  'billing_portal.configuration.created',
  'billing_portal.configuration.updated',
  'charge.captured',
  'charge.dispute.closed',
  'charge.dispute.created',
  'charge.dispute.funds_reinstated',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.updated',
  'charge.expired',
  'charge.failed',
  'charge.pending',
  'charge.refund.updated',
  'charge.refunded',
  'charge.succeeded',
  'charge.updated',
  'checkout.session.async_payment_failed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.completed',
  'checkout.session.expired',
  'coupon.created',
  'coupon.deleted',
  'coupon.updated',
  'customer.created',
  'customer.deleted',
  'customer.subscription.created',
  'customer.subscription.deleted',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'customer.subscription.trial_will_end',
  'customer.subscription.updated',
  'customer.tax_id.created',
  'customer.tax_id.deleted',
  'customer.updated',
  'file.created',
  'invoice.created',
  'invoice.finalization_failed',
  'invoice.finalized',
  'invoice.marked_uncollectible',
  'invoice.paid',
  'invoice.payment_action_required',
  'invoice.payment_failed',
  'invoice.payment_succeeded',
  'invoice.updated',
  'invoice.upcoming',
  'invoice.voided',
  'invoiceitem.created',
  'payment_intent.amount_capturable_updated',
  'payment_intent.canceled',
  'payment_intent.created',
  'payment_intent.payment_failed',
  'payment_intent.processing',
  'payment_intent.requires_action',
  'payment_intent.succeeded',
  'payment_method.attached',
  'payment_method.detached',
  'payment_method.updated',
  'price.created',
  'price.updated',
  'product.created',
  'product.deleted',
  'product.updated',
  'promotion_code.created',
  'promotion_code.updated',
  'refund.created',
  'refund.failed',
  'refund.updated',
  'setup_intent.canceled',
  'setup_intent.created',
  'setup_intent.requires_action',
  'setup_intent.setup_failed',
  'setup_intent.succeeded',
  // Not a Stripe event: Stripe emits nothing for shipping rates, Caisse's dashboard and webhooks can use it.
  'shipping_rate.created',
  'shipping_rate.updated',
  'tax.settings.updated',
  'tax_rate.created',
  'tax_rate.updated',
  'test_helpers.test_clock.advancing',
  'test_helpers.test_clock.created',
  'test_helpers.test_clock.deleted',
  'test_helpers.test_clock.ready',
] as const;

export type CaisseEventType = (typeof CAISSE_EVENT_TYPES)[number];

export { STRIPE_EVENT_TYPES };

/** Every type an event may have: what recordEvent takes, so a misspelt type fails to compile. */
export type EventType = CaisseEventType | (typeof STRIPE_EVENT_TYPES)[number];

const SUBSCRIBABLE = new Set<string>([...CAISSE_EVENT_TYPES, ...STRIPE_EVENT_TYPES]);

/** What a webhook endpoint's enabled_events may hold: a known type, or '*' for every type. */
export function isSubscribableEventType(type: string): boolean {
  return type === '*' || SUBSCRIBABLE.has(type);
}
