import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import { findPaymentMethod } from '@/db/queries/payment-methods';
import { paymentMethods } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { noSuchObject } from '@/lib/api/errors';
import { listObject, listPage } from '@/lib/api/list';
import { serializePaymentMethod } from '@/lib/api/serialize/payment-method';
import type { ListCustomerPaymentMethodsParams, ListPaymentMethodsParams } from '@/lib/validation/payment-methods';

// Stripe names this object in CamelCase in its "No such …" messages.
const KIND = 'PaymentMethod';

export async function retrievePaymentMethod(db: Queryable, scope: AccountScope & { id: string }) {
  const row = await findPaymentMethod(db, scope);
  if (!row) throw noSuchObject(KIND, scope.id);
  return serializePaymentMethod(row);
}

/** The serialized payment method, or null: for expansions, where a missing object leaves the id as it was. */
export async function loadPaymentMethod(db: Queryable, scope: AccountScope & { id: string }) {
  const row = await findPaymentMethod(db, scope);
  return row ? serializePaymentMethod(row) : null;
}

/** GET /v1/customers/:customer/payment_methods/:id: another customer's payment method does not exist here. */
export async function retrieveCustomerPaymentMethod(db: Queryable, scope: AccountScope & { customerId: string; id: string }) {
  await customerOrThrow(db, scope);
  const row = await findPaymentMethod(db, scope);
  if (row?.customerId !== scope.customerId) throw noSuchObject(KIND, scope.id);
  return serializePaymentMethod(row);
}

async function customerOrThrow(db: Queryable, scope: AccountScope & { customerId: string }) {
  const customer = await findCustomer(db, { accountId: scope.accountId, id: scope.customerId });
  if (!customer) throw noSuchObject('customer', scope.customerId);
}

async function page(db: Queryable, scope: AccountScope, p: ListPaymentMethodsParams, url: string) {
  const { rows, hasMore } = await listPage(db, paymentMethods, {
    accountId: scope.accountId,
    kind: KIND,
    params: p,
    filters: [
      p.customer ? eq(paymentMethods.customerId, p.customer) : undefined,
      p.type ? sql`${paymentMethods.type} = ${p.type}` : undefined,
      p.allow_redisplay ? eq(paymentMethods.allowRedisplay, p.allow_redisplay) : undefined,
    ],
  });
  return listObject(url, rows.map(serializePaymentMethod), hasMore);
}

/** GET /v1/payment_methods: the account's payment methods, newest first, or one customer's. */
export function listPaymentMethods(db: Queryable, scope: AccountScope, p: ListPaymentMethodsParams) {
  return page(db, scope, p, '/v1/payment_methods');
}

/** GET /v1/customers/:id/payment_methods: an unknown (or deleted) customer is a 404. */
export async function listCustomerPaymentMethods(
  db: Queryable,
  scope: AccountScope & { customerId: string },
  p: ListCustomerPaymentMethodsParams,
) {
  await customerOrThrow(db, scope);
  return page(db, scope, { ...p, customer: scope.customerId }, `/v1/customers/${scope.customerId}/payment_methods`);
}
