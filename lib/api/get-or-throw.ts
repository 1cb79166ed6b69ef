import type { Queryable } from '@/db/client';
import { findPortalConfiguration, type PortalConfigurationRow } from '@/db/queries/billing-portal-configurations';
import { findSession, findSessionAndCheckoutDomain, lockSession, type SessionRow } from '@/db/queries/checkout-sessions';
import { findCoupon, type CouponRow } from '@/db/queries/coupons';
import { findEmail, type EmailRow } from '@/db/queries/email-outbox';
import { findEvent, type EventRow } from '@/db/queries/events';
import { findInvoice, lockInvoice, type InvoiceRow } from '@/db/queries/invoices';
import { findPrice, type PriceRow } from '@/db/queries/prices';
import { findProduct, type ProductRow } from '@/db/queries/products';
import { findPromotionCode, type PromotionCodeRow } from '@/db/queries/promotion-codes';
import { findRefund, lockRefund, type RefundRow } from '@/db/queries/refunds';
import { findShippingRate, type ShippingRateRow } from '@/db/queries/shipping-rates';
import { findSubscription, lockSubscription, type SubscriptionRow } from '@/db/queries/subscriptions';
import { findTaxRate, type TaxRateRow } from '@/db/queries/tax-rates';
import { findTaxRegistration, type TaxRegistrationRow } from '@/db/queries/tax-registrations';
import { findDelivery, type DeliveryListRow } from '@/db/queries/webhook-deliveries';
import { findWebhookEndpoint, type WebhookEndpointRow } from '@/db/queries/webhook-endpoints';
import { noSuchObject } from './errors';
import '@/lib/security/sealed-columns';

/**
 * The account's object, or the API's Stripe-shaped `resource_missing` error (lib/api/errors.ts): the
 * queries in db/ answer null for a missing row, and these lookups turn that into the error the API sends.
 */
type Lookup = { accountId: string; id: string };
/** Where the id came from and the status to answer: a missing object named in a request body is a 400 on that parameter. */
type ParamLookup = Lookup & { param?: string; status?: number };

function found<T>(row: T | null, kind: string, p: ParamLookup): T {
  if (!row) throw noSuchObject(kind, p.id, p.param ?? 'id', p.status ?? 404);
  return row;
}

export const getSessionOrThrow = async (db: Queryable, p: Lookup): Promise<SessionRow> =>
  found(await findSession(db, p), 'checkout.session', p);

/** The session with its account's checkout domain, in one read (findSessionAndCheckoutDomain). */
export const getSessionAndCheckoutDomainOrThrow = async (db: Queryable, p: Lookup) =>
  found(await findSessionAndCheckoutDomain(db, p), 'checkout.session', p);

/** Locks the session row for a state change (FOR UPDATE). */
export const lockSessionOrThrow = async (db: Queryable, p: Lookup): Promise<SessionRow> =>
  found(await lockSession(db, p), 'checkout.session', p);

export const getPriceOrThrow = async (db: Queryable, p: ParamLookup): Promise<PriceRow> => found(await findPrice(db, p), 'price', p);

export const getProductOrThrow = async (db: Queryable, p: ParamLookup): Promise<ProductRow> =>
  found(await findProduct(db, p), 'product', p);

export const getCouponOrThrow = async (db: Queryable, p: ParamLookup): Promise<CouponRow> => found(await findCoupon(db, p), 'coupon', p);

export const getPromotionCodeOrThrow = async (db: Queryable, p: ParamLookup): Promise<PromotionCodeRow> =>
  found(await findPromotionCode(db, p), 'promotion_code', p);

export const getTaxRateOrThrow = async (db: Queryable, p: ParamLookup): Promise<TaxRateRow> =>
  found(await findTaxRate(db, p), 'tax rate', p);

export const getTaxRegistrationOrThrow = async (db: Queryable, p: ParamLookup): Promise<TaxRegistrationRow> =>
  found(await findTaxRegistration(db, p), 'tax registration', p);

export const getShippingRateOrThrow = async (db: Queryable, p: ParamLookup): Promise<ShippingRateRow> =>
  found(await findShippingRate(db, p), 'shipping rate', p);

export const getEventOrThrow = async (db: Queryable, p: Lookup): Promise<EventRow> => found(await findEvent(db, p), 'event', p);

/** A deleted endpoint is missing, as Stripe answers after a delete; `lock` holds it for the rest of the transaction. */
export const getWebhookEndpointOrThrow = async (db: Queryable, p: Lookup & { lock?: boolean }): Promise<WebhookEndpointRow> =>
  found(await findWebhookEndpoint(db, p), 'webhook endpoint', p);

export const getDeliveryOrThrow = async (db: Queryable, p: Lookup): Promise<DeliveryListRow> =>
  found(await findDelivery(db, p), 'webhook delivery', p);

export const getEmailOrThrow = async (db: Queryable, p: Lookup): Promise<EmailRow> => found(await findEmail(db, p), 'email', p);

export const getRefundOrThrow = async (db: Queryable, p: Lookup): Promise<RefundRow> => found(await findRefund(db, p), 'refund', p);

/** Locks the refund for a change (FOR UPDATE), before its charge. */
export const lockRefundOrThrow = async (db: Queryable, p: Lookup): Promise<RefundRow> => found(await lockRefund(db, p), 'refund', p);

export const getSubscriptionOrThrow = async (db: Queryable, p: ParamLookup): Promise<SubscriptionRow> =>
  found(await findSubscription(db, p), 'subscription', p);

/** Locks the subscription for a change (FOR UPDATE): every change to it takes this first. */
export const lockSubscriptionOrThrow = async (db: Queryable, p: ParamLookup): Promise<SubscriptionRow> =>
  found(await lockSubscription(db, p), 'subscription', p);

export const getInvoiceOrThrow = async (db: Queryable, p: ParamLookup): Promise<InvoiceRow> =>
  found(await findInvoice(db, p), 'invoice', p);

/** Locks the invoice for a change of its state (FOR UPDATE). */
export const lockInvoiceOrThrow = async (db: Queryable, p: Lookup): Promise<InvoiceRow> => found(await lockInvoice(db, p), 'invoice', p);

export const getPortalConfigurationOrThrow = async (db: Queryable, p: ParamLookup): Promise<PortalConfigurationRow> =>
  found(await findPortalConfiguration(db, p), 'configuration', p);
