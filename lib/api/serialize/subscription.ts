import type { PriceRow } from '@/db/queries/prices';
import type { SubscriptionItemRow, SubscriptionRow } from '@/db/queries/subscriptions';
import type { TaxRateRow } from '@/db/queries/tax-rates';
import { unix } from '@/lib/util/time';
import { serializePrice } from './price';
import { serializeTaxRate } from './tax-rate';

/** An item with what it bills: its price (and that price's tax rates, when the item names some). */
export type SubscriptionItemView = { item: SubscriptionItemRow; price: PriceRow; taxRates: TaxRateRow[] };

/** Stripe's deprecated Plan, still on every item: the same recurring price, seen as a plan. */
function planOf(price: PriceRow) {
  return {
    id: price.id,
    object: 'plan' as const,
    active: price.active,
    amount: price.unitAmount,
    amount_decimal: price.unitAmountDecimal,
    billing_scheme: 'per_unit' as const,
    created: unix(price.createdAt),
    currency: price.currency,
    interval: price.recurring?.interval ?? 'month',
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: price.livemode,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: price.productId,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: price.recurring?.trial_period_days ?? null,
    usage_type: 'licensed' as const,
  };
}

export function serializeSubscriptionItem(sub: SubscriptionRow, v: SubscriptionItemView) {
  return {
    id: v.item.id,
    object: 'subscription_item' as const,
    billing_thresholds: null,
    created: unix(v.item.createdAt),
    current_trial: null,
    current_period_end: unix(sub.currentPeriodEnd),
    current_period_start: unix(sub.currentPeriodStart),
    discounts: [],
    metadata: v.item.metadata,
    plan: planOf(v.price),
    price: serializePrice(v.price),
    quantity: v.item.quantity,
    subscription: sub.id,
    tax_rates: v.taxRates.map(serializeTaxRate),
  };
}

export function serializeSubscription(row: SubscriptionRow, items: SubscriptionItemView[], defaultTaxRates: TaxRateRow[] = []) {
  return {
    id: row.id,
    object: 'subscription' as const,
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: row.automaticTax, liability: row.automaticTax ? { type: 'self' as const } : null },
    billing_cycle_anchor: unix(row.billingCycleAnchor),
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: 'classic' as const },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: row.cancelAt ? unix(row.cancelAt) : null,
    cancel_at_period_end: row.cancelAtPeriodEnd,
    canceled_at: row.canceledAt ? unix(row.canceledAt) : null,
    cancellation_details: row.cancellationDetails ?? { comment: null, feedback: null, reason: null },
    collection_method: 'charge_automatically' as const,
    created: unix(row.createdAt),
    currency: row.currency,
    customer: row.customerId,
    customer_account: null,
    days_until_due: null,
    default_payment_method: row.defaultPaymentMethodId,
    default_source: null,
    default_tax_rates: defaultTaxRates.map(serializeTaxRate),
    description: row.description,
    discounts: row.discount ? [row.discount.id] : [],
    ended_at: row.endedAt ? unix(row.endedAt) : null,
    invoice_settings: { account_tax_ids: null, issuer: { type: 'self' as const } },
    items: {
      object: 'list' as const,
      data: items.map((v) => serializeSubscriptionItem(row, v)),
      has_more: false,
      url: `/v1/subscription_items?subscription=${row.id}`,
    },
    latest_invoice: row.latestInvoiceId,
    livemode: row.livemode,
    managed_payments: null,
    metadata: row.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: row.pauseCollection,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' as const },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: unix(row.createdAt),
    status: row.status,
    test_clock: row.testClockId,
    transfer_data: null,
    trial_end: row.trialEnd ? unix(row.trialEnd) : null,
    trial_settings: { end_behavior: { missing_payment_method: row.trialEndBehavior } },
    trial_start: row.trialStart ? unix(row.trialStart) : null,
  };
}
