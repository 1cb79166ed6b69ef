import 'server-only';
import type { Queryable } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import { invoicesOfCustomer, paymentMethodsOfCustomer, subscriptionsOfCustomer } from '@/db/queries/dashboard-billing';
import { invoiceSummaries } from './invoice-summary';
import { subscriptionSummaries } from './subscription-summary';

/** How many of a customer's subscriptions and invoices their page lists (newest first). */
export const CUSTOMER_ITEMS_SHOWN = 50;

/**
 * Everything a customer's page shows, read for one account: who they are, their subscriptions and
 * invoices (newest first) and the payment methods saved for them. A deleted customer is shown as such
 * (their subscriptions and invoices still point at them). Null when the account has no such customer.
 */
export async function customerDetail(db: Queryable, p: { accountId: string; id: string }) {
  const customer = await findCustomer(db, { ...p, includeDeleted: true });
  if (!customer) return null;
  const { accountId } = p;
  const scope = { accountId, customerId: customer.id };
  const [subscriptions, invoices, methods] = await Promise.all([
    subscriptionsOfCustomer(db, { ...scope, limit: CUSTOMER_ITEMS_SHOWN }),
    invoicesOfCustomer(db, { ...scope, limit: CUSTOMER_ITEMS_SHOWN }),
    paymentMethodsOfCustomer(db, scope),
  ]);
  return {
    customer: {
      id: customer.id,
      email: customer.email,
      name: customer.name,
      phone: customer.phone,
      description: customer.description,
      created: customer.createdAt,
      deleted: customer.deletedAt !== null,
    },
    subscriptions: await subscriptionSummaries(db, accountId, subscriptions),
    invoices: await invoiceSummaries(db, accountId, invoices),
    paymentMethods: methods.map((m) => ({
      id: m.id,
      type: m.type,
      card: m.card ? { brand: m.card.brand, last4: m.card.last4, expMonth: m.card.exp_month, expYear: m.card.exp_year } : null,
      sepaDebit: m.sepaDebit ? { last4: m.sepaDebit.last4, country: m.sepaDebit.country } : null,
      created: m.createdAt,
    })),
  };
}

export type CustomerDetail = NonNullable<Awaited<ReturnType<typeof customerDetail>>>;
