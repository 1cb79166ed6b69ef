import { findPortalConfiguration } from '@/db/queries/billing-portal-configurations';
import { findCustomer } from '@/db/queries/customers';
import { customerTaxIdsList } from '@/lib/customers/customer-tax-ids';
import { findCoupon } from '@/db/queries/coupons';
import { findPrice } from '@/db/queries/prices';
import { findProduct } from '@/db/queries/products';
import { listSessionLineItems, sessionBreakdown, sessionShippingTaxes } from '@/lib/checkout/session-reads';
import { findPromotionCode } from '@/db/queries/promotion-codes';
import { findShippingRate } from '@/db/queries/shipping-rates';
import { serializePromotionCode } from './serialize/promotion-code';
import { serializeShippingRate } from './serialize/shipping-rate';
import { invalidRequest } from './errors';
import { retrievePaymentIntent } from '@/lib/payments/payment-intent-reads';
import { loadCharge } from '@/lib/payments/charge-reads';
import { loadPaymentMethod } from '@/lib/payments/payment-method-reads';
import { loadSetupIntent } from '@/lib/payments/setup-intent-reads';
import { chargeRefunds } from '@/lib/payments/refunds/list-refunds';
import { retrieveFile } from '@/lib/files/file-reads';
import { EVIDENCE_FILE_FIELDS } from '@/lib/validation/disputes';
import { loadInvoice } from '@/lib/billing/invoices/invoice-reads';
import { invoicePayments } from '@/lib/billing/invoices/invoice-payments';
import { loadSubscription } from '@/lib/billing/subscription-reads';
import { applyExpand, type ExpandContext, type ExpandRegistry } from './expand';
import { serializeCustomer, serializeDeletedCustomer } from './serialize/customer';
import { serializeCoupon } from './serialize/coupon';
import { serializePortalConfiguration } from './serialize/portal-configuration';
import { priceCurrencyOptions, serializePrice } from './serialize/price';
import { serializeProduct } from './serialize/product';

/**
 * Every expandable field of every object the API returns: object type →
 * field → loader of the serialized object behind the id.
 */
export const expandRegistry: ExpandRegistry = {
  product: {},
  customer: {},
  shipping_rate: {},
  tax_rate: {},
  // `application` is always null: Caisse has no Connect applications.
  'billing_portal.configuration': {},
};

export function registerExpandable(objectType: string, fields: ExpandRegistry[string]) {
  expandRegistry[objectType] = { ...expandRegistry[objectType], ...fields };
}

export const loadProduct = async (ctx: ExpandContext, id: string) => {
  const row = await findProduct(ctx.db, { accountId: ctx.accountId, id });
  return row ? serializeProduct(row) : null;
};

/** A deleted customer expands to Stripe's `{id, object, deleted: true}` stub. */
export const loadCustomer = async (ctx: ExpandContext, id: string) => {
  const row = await findCustomer(ctx.db, { accountId: ctx.accountId, id, includeDeleted: true });
  if (!row) return null;
  return row.deletedAt ? serializeDeletedCustomer(row.id) : serializeCustomer(row);
};

export const loadPrice = async (ctx: ExpandContext, id: string) => {
  const row = await findPrice(ctx.db, { accountId: ctx.accountId, id });
  return row ? serializePrice(row) : null;
};

/** A deleted coupon still expands (valid: false): promotion codes and discounts keep naming it. */
export const loadCoupon = async (ctx: ExpandContext, id: string) => {
  const row = await findCoupon(ctx.db, { accountId: ctx.accountId, id, includeDeleted: true });
  return row ? serializeCoupon(row, new Date()) : null;
};

registerExpandable('product', { default_price: loadPrice });
// currency_options is only present when set; expanding it lists every currency, the price's own included.
registerExpandable('price', {
  product: loadProduct,
  currency_options: async (ctx, id) => {
    const row = await findPrice(ctx.db, { accountId: ctx.accountId, id });
    return row ? priceCurrencyOptions(row) : null;
  },
});
registerExpandable('promotion_code', { 'promotion.coupon': loadCoupon, customer: loadCustomer });

const loadPromotionCodeForExpand = async (ctx: ExpandContext, id: string) => {
  const row = await findPromotionCode(ctx.db, { accountId: ctx.accountId, id });
  return row ? serializePromotionCode(row) : null;
};

const loadShippingRateForExpand = async (ctx: ExpandContext, id: string) => {
  const row = await findShippingRate(ctx.db, { accountId: ctx.accountId, id });
  return row ? serializeShippingRate(row) : null;
};

const loadPaymentIntent = (ctx: ExpandContext, id: string) =>
  retrievePaymentIntent(ctx.db, { accountId: ctx.accountId, id }).catch(() => null);
const loadChargeForExpand = (ctx: ExpandContext, id: string) => loadCharge(ctx.db, { accountId: ctx.accountId, id });
const loadPaymentMethodForExpand = (ctx: ExpandContext, id: string) => loadPaymentMethod(ctx.db, { accountId: ctx.accountId, id });
registerExpandable('payment_intent', {
  customer: loadCustomer,
  latest_charge: loadChargeForExpand,
  payment_method: loadPaymentMethodForExpand,
});
// A charge's `refunds` exist only when expanded, as in Stripe's current versions: they load by the charge's id.
registerExpandable('charge', {
  customer: loadCustomer,
  payment_intent: loadPaymentIntent,
  refunds: (ctx, chargeId) => chargeRefunds(ctx.db, { accountId: ctx.accountId, chargeId }),
});
registerExpandable('payment_method', { customer: loadCustomer });
// A customer's `tax_ids` exist only when expanded, as in Stripe's current versions: they load by the customer's id.
registerExpandable('customer', {
  'invoice_settings.default_payment_method': loadPaymentMethodForExpand,
  tax_ids: (ctx, customerId) => customerTaxIdsList(ctx.db, { accountId: ctx.accountId, customerId }),
});
registerExpandable('tax_id', { customer: loadCustomer, 'owner.customer': loadCustomer });
const loadSetupIntentForExpand = (ctx: ExpandContext, id: string) => loadSetupIntent(ctx.db, { accountId: ctx.accountId, id });
registerExpandable('setup_intent', { customer: loadCustomer, payment_method: loadPaymentMethodForExpand });
registerExpandable('refund', { charge: loadChargeForExpand, payment_intent: loadPaymentIntent });

// A session's line_items, total_details.breakdown and shipping_cost.taxes exist only when expanded; they load by the session's id.
registerExpandable('checkout.session', {
  customer: loadCustomer,
  payment_intent: loadPaymentIntent,
  setup_intent: loadSetupIntentForExpand,
  line_items: (ctx, sessionId) => listSessionLineItems(ctx.db, { accountId: ctx.accountId, sessionId }, { limit: 100 }),
  'total_details.breakdown': (ctx, sessionId) => sessionBreakdown(ctx.db, { accountId: ctx.accountId, sessionId }),
  'shipping_cost.taxes': (ctx, sessionId) => sessionShippingTaxes(ctx.db, { accountId: ctx.accountId, sessionId }),
  'discounts.coupon': loadCoupon,
  'discounts.promotion_code': (ctx, id) => loadPromotionCodeForExpand(ctx, id),
  'shipping_cost.shipping_rate': (ctx, id) => loadShippingRateForExpand(ctx, id),
  'shipping_options.shipping_rate': (ctx, id) => loadShippingRateForExpand(ctx, id),
});

const loadFile = (ctx: ExpandContext, id: string) => retrieveFile(ctx.db, { accountId: ctx.accountId, id }).catch(() => null);
// A dispute's evidence names files by id; each of those fields expands to the File.
const evidenceFiles = <T>(value: T): Record<string, T> => Object.fromEntries(EVIDENCE_FILE_FIELDS.map((f) => [`evidence.${f}`, value]));
registerExpandable('dispute', { charge: loadChargeForExpand, payment_intent: loadPaymentIntent, ...evidenceFiles(loadFile) });

const loadInvoiceForExpand = (ctx: ExpandContext, id: string) => loadInvoice(ctx.db, { accountId: ctx.accountId, id });
const loadSubscriptionForExpand = (ctx: ExpandContext, id: string) => loadSubscription(ctx.db, { accountId: ctx.accountId, id });
// A subscription's items are embedded (their price with it), so `items.data.price.product` goes through the price's own field.
registerExpandable('subscription', {
  customer: loadCustomer,
  default_payment_method: loadPaymentMethodForExpand,
  latest_invoice: loadInvoiceForExpand,
});
// An invoice's `payments` exist only when expanded: they load by the invoice's id.
registerExpandable('invoice', {
  customer: loadCustomer,
  default_payment_method: loadPaymentMethodForExpand,
  'parent.subscription_details.subscription': loadSubscriptionForExpand,
  payments: (ctx, invoiceId) => invoicePayments(ctx.db, { accountId: ctx.accountId, invoiceId }),
});
registerExpandable('line_item', { 'pricing.price_details.price': loadPrice, subscription: loadSubscriptionForExpand });
registerExpandable('invoice_payment', { invoice: loadInvoiceForExpand, 'payment.payment_intent': loadPaymentIntent });
registerExpandable('invoiceitem', { customer: loadCustomer, invoice: loadInvoiceForExpand });

/**
 * What each expandable field yields: an object type, `list:<type>` for a
 * list, or null for a leaf. Embedded objects (a line item's price) are listed
 * too, so that expand[] can be checked before a create or update writes.
 */
export const expandYields: Record<string, Record<string, string | null>> = {
  product: { default_price: 'price' },
  price: { product: 'product', currency_options: null },
  promotion_code: { 'promotion.coupon': 'coupon', customer: 'customer' },
  item: { price: 'price' },
  payment_intent: { customer: 'customer', latest_charge: 'charge', payment_method: 'payment_method' },
  charge: { customer: 'customer', payment_intent: 'payment_intent', refunds: 'list:refund' },
  payment_method: { customer: 'customer' },
  customer: { 'invoice_settings.default_payment_method': 'payment_method', tax_ids: 'list:tax_id' },
  tax_id: { customer: 'customer', 'owner.customer': 'customer' },
  'billing_portal.session': { configuration: 'billing_portal.configuration' },
  setup_intent: { customer: 'customer', payment_method: 'payment_method' },
  refund: { charge: 'charge', payment_intent: 'payment_intent' },
  dispute: { charge: 'charge', payment_intent: 'payment_intent', ...evidenceFiles('file') },
  subscription: {
    customer: 'customer',
    default_payment_method: 'payment_method',
    latest_invoice: 'invoice',
    items: 'list:subscription_item',
  },
  subscription_item: { price: 'price' },
  invoice: {
    customer: 'customer',
    default_payment_method: 'payment_method',
    'parent.subscription_details.subscription': 'subscription',
    payments: 'list:invoice_payment',
    lines: 'list:line_item',
  },
  line_item: { 'pricing.price_details.price': 'price', subscription: 'subscription' },
  invoice_payment: { invoice: 'invoice', 'payment.payment_intent': 'payment_intent' },
  invoiceitem: { customer: 'customer', invoice: 'invoice' },
  'checkout.session': {
    customer: 'customer',
    payment_intent: 'payment_intent',
    setup_intent: 'setup_intent',
    line_items: 'list:item',
    'total_details.breakdown': null,
    'shipping_cost.taxes': null,
    'discounts.coupon': 'coupon',
    'discounts.promotion_code': 'promotion_code',
    'shipping_cost.shipping_rate': 'shipping_rate',
    'shipping_options.shipping_rate': 'shipping_rate',
  },
};

/** Refuses expand[] paths an object of `type` cannot follow, before anything is written. */
export function checkExpand(type: string, paths: string[] | undefined): void {
  for (const full of paths ?? []) {
    let at: string | null = type;
    let rest = full.split('.');
    while (rest.length) {
      if (at === null) throw invalidRequest(`This property cannot be expanded (${full}).`, 'expand');
      if (at.startsWith('list:')) {
        if (rest[0] !== 'data') throw invalidRequest(`This property cannot be expanded (${full}).`, 'expand');
        at = at.slice(5);
        rest = rest.slice(1);
        continue;
      }
      const fields: Record<string, string | null> = expandYields[at] ?? {};
      const key = Object.keys(fields)
        .filter((k) => rest.slice(0, k.split('.').length).join('.') === k)
        .sort((a, b) => b.length - a.length)
        .at(0);
      if (key === undefined) throw invalidRequest(`This property cannot be expanded (${full}).`, 'expand');
      at = fields[key];
      rest = rest.slice(key.split('.').length);
    }
  }
}

/** Applies a request's `expand[]` to the object (or list) it returns. */
export function expandObject<T>(ctx: ExpandContext, target: T, paths: string[] | undefined): Promise<T> {
  return applyExpand(ctx, expandRegistry, target, paths);
}

registerExpandable('billing_portal.session', {
  configuration: async (ctx, id) => {
    const row = await findPortalConfiguration(ctx.db, { accountId: ctx.accountId, id });
    return row ? serializePortalConfiguration(row) : null;
  },
});
