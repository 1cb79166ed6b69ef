import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../client';
import { customers, invoices, paymentIntents, paymentMethods, subscriptions } from '../schema';
import type { InvoiceRow } from './invoices';
import type { PaymentIntentRow } from './payment-intents';
import type { PaymentMethodRow } from './payment-methods';
import type { SubscriptionRow } from './subscriptions';

/** The dashboard's billing pages' reads (lib/dashboard/subscription-*, invoice-*, customer-*), each scoped to one account. */

/** How a list names a customer: email and name, deleted customers included (their objects still point at them). */
export async function customerNamesOf(db: Queryable, p: { accountId: string; ids: string[] }) {
  if (p.ids.length === 0) return new Map<string, { id: string; email: string | null; name: string | null }>();
  const rows = await db
    .select({ id: customers.id, email: customers.email, name: customers.name })
    .from(customers)
    .where(and(eq(customers.accountId, p.accountId), inArray(customers.id, [...new Set(p.ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

/** How many subscriptions each customer has (every status), by customer id. */
export async function subscriptionCountsOf(db: Queryable, p: { accountId: string; customerIds: string[] }): Promise<Map<string, number>> {
  if (p.customerIds.length === 0) return new Map();
  const rows = await db
    .select({ customerId: subscriptions.customerId, n: count() })
    .from(subscriptions)
    .where(and(eq(subscriptions.accountId, p.accountId), inArray(subscriptions.customerId, p.customerIds)))
    .groupBy(subscriptions.customerId);
  return new Map(rows.map((r) => [r.customerId, r.n]));
}

/** A subscription's invoices, newest first. */
export async function invoicesOfSubscription(
  db: Queryable,
  p: { accountId: string; subscriptionId: string; limit: number },
): Promise<InvoiceRow[]> {
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.accountId, p.accountId), eq(invoices.subscriptionId, p.subscriptionId)))
    .orderBy(desc(invoices.seq))
    .limit(p.limit);
}

/** A customer's invoices, newest first. */
export async function invoicesOfCustomer(
  db: Queryable,
  p: { accountId: string; customerId: string; limit: number },
): Promise<InvoiceRow[]> {
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.accountId, p.accountId), eq(invoices.customerId, p.customerId)))
    .orderBy(desc(invoices.seq))
    .limit(p.limit);
}

/** A customer's subscriptions, newest first. */
export async function subscriptionsOfCustomer(
  db: Queryable,
  p: { accountId: string; customerId: string; limit: number },
): Promise<SubscriptionRow[]> {
  return db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.accountId, p.accountId), eq(subscriptions.customerId, p.customerId)))
    .orderBy(desc(subscriptions.seq))
    .limit(p.limit);
}

/** The payment methods saved for a customer, newest first. */
export async function paymentMethodsOfCustomer(db: Queryable, p: { accountId: string; customerId: string }): Promise<PaymentMethodRow[]> {
  return db
    .select()
    .from(paymentMethods)
    .where(and(eq(paymentMethods.accountId, p.accountId), eq(paymentMethods.customerId, p.customerId)))
    .orderBy(desc(paymentMethods.seq));
}

/** The payment intents made to pay an invoice (its checkout's, then its renewal attempts'), oldest first. */
export async function paymentIntentsOfInvoice(db: Queryable, p: { accountId: string; invoiceId: string }): Promise<PaymentIntentRow[]> {
  return db
    .select()
    .from(paymentIntents)
    .where(and(eq(paymentIntents.accountId, p.accountId), eq(paymentIntents.invoiceId, p.invoiceId)))
    .orderBy(paymentIntents.seq);
}
