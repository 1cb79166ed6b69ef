import { findTestClock } from '@/db/queries/test-clocks';
import { eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import {
  findCustomer,
  insertCustomer,
  lockLiveCustomer,
  softDeleteCustomer,
  updateCustomerFields,
  type CustomerFields,
  type CustomerRow,
} from '@/db/queries/customers';
import {
  detachAllOfCustomer,
  findPaymentMethod,
  lockPaymentMethod,
  lockPaymentMethodsOfCustomer,
  type PaymentMethodRow,
} from '@/db/queries/payment-methods';
import { customers } from '@/db/schema';
import { notTheCustomersPaymentMethod } from '@/lib/billing/customer-card';
import { addCustomerTaxIds, checkedTaxId, deleteAllCustomerTaxIds } from '@/lib/customers/customer-tax-ids';
import { attachToCustomer } from '@/lib/payments/payment-methods/manage-payment-methods';
import { paymentMethodInput } from '@/lib/payments/payment-methods/payment-method-input';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { noSuchObject } from '@/lib/api/errors';
import { createdFilter, listPage } from '@/lib/api/list';
import { initialMetadata, mergeMetadata } from '@/lib/api/params';
import { serializeCustomer, serializeDeletedCustomer } from '@/lib/api/serialize/customer';
import { serializePaymentMethod } from '@/lib/api/serialize/payment-method';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import { newId } from '@/lib/util/ids';
import { storedAddress } from '@/lib/validation/address';
import type { CreateCustomerParams, ListCustomersParams, ShippingParams, UpdateCustomerParams } from '@/lib/validation/customers';
import type { AccountScope } from '@/db/scope';

const toShipping = (s: ShippingParams) => ({ address: storedAddress(s.address), name: s.name, phone: s.phone ?? null });

/** Column values for the fields a create or an update gave; an address or shipping given replaces the old one whole. */
function fields(p: CreateCustomerParams | UpdateCustomerParams): CustomerFields {
  return {
    ...(p.address !== undefined && { address: p.address && storedAddress(p.address) }),
    ...(p.balance !== undefined && { balance: p.balance }),
    ...(p.description !== undefined && { description: p.description }),
    ...(p.email !== undefined && { email: p.email }),
    ...(p.name !== undefined && { name: p.name }),
    ...(p.phone !== undefined && { phone: p.phone }),
    ...(p.preferred_locales !== undefined && { preferredLocales: p.preferred_locales ?? [] }),
    ...(p.shipping !== undefined && { shipping: p.shipping && toShipping(p.shipping) }),
    ...(p.tax_exempt !== undefined && { taxExempt: p.tax_exempt }),
  };
}

/**
 * invoice_settings[default_payment_method]: one of the customer's own payment methods (the one attached by
 * this same create when it names it), or '' for none.
 */
async function defaultPaymentMethod(
  tx: Tx,
  customer: CustomerRow,
  p: CreateCustomerParams | UpdateCustomerParams,
  attached: PaymentMethodRow | null,
) {
  const wanted = p.invoice_settings?.default_payment_method;
  if (wanted === undefined) return {};
  if (wanted === null) return { defaultPaymentMethodId: null };
  if (attached && 'payment_method' in p && wanted === p.payment_method) return { defaultPaymentMethodId: attached.id };
  const method = await findPaymentMethod(tx, { accountId: customer.accountId, id: wanted });
  if (method?.customerId !== customer.id) throw notTheCustomersPaymentMethod(wanted, 'invoice_settings[default_payment_method]');
  return { defaultPaymentMethodId: method.id };
}

export async function createCustomer(db: Db, scope: AccountScope, p: CreateCustomerParams, processor: PaymentProcessor = testProcessor) {
  // Checked before anything is written: an invalid one makes no customer.
  const taxIds = (p.tax_id_data ?? []).map((t, i) => checkedTaxId(t, `tax_id_data[${String(i)}][value]`));
  return db.transaction(async (tx) => {
    const clock = p.test_clock ? await findTestClock(tx, { accountId: scope.accountId, id: p.test_clock }) : null;
    if (p.test_clock && !clock) throw noSuchObject('test clock', p.test_clock, 'test_clock', 400);
    const row = await insertCustomer(tx, {
      id: newId('cus'),
      accountId: scope.accountId,
      ...fields(p),
      metadata: initialMetadata(p.metadata),
      testClockId: clock?.id ?? null,
      // A customer on a clock is made at the clock's time, as every object of its.
      ...(clock ? { createdAt: clock.frozenTime } : {}),
    });
    const attached = p.payment_method
      ? await attachToCustomer(tx, {
          accountId: scope.accountId,
          method: await paymentMethodInput(tx, {
            accountId: scope.accountId,
            id: p.payment_method,
            param: 'payment_method',
            processor,
            now: new Date(),
            check: true,
          }),
          customerId: row.id,
          request: scope.request,
        })
      : null;
    const withDefault = p.invoice_settings
      ? await updateCustomerFields(tx, { accountId: scope.accountId, id: row.id, set: await defaultPaymentMethod(tx, row, p, attached) })
      : row;
    const object = serializeCustomer(withDefault);
    await recordEvent(tx, { accountId: scope.accountId, type: 'customer.created', object, request: scope.request });
    await addCustomerTaxIds(tx, scope, { customerId: row.id, taxIds, now: row.createdAt });
    return object;
  });
}

// The row, locked, so that an update and a delete of one customer serialize.
async function lockLive(tx: Tx, scope: AccountScope & { id: string }): Promise<CustomerRow> {
  const row = await lockLiveCustomer(tx, { accountId: scope.accountId, id: scope.id });
  if (!row) throw noSuchObject('customer', scope.id);
  return row;
}

export async function updateCustomer(db: Db, scope: AccountScope & { id: string }, p: UpdateCustomerParams) {
  return db.transaction(async (tx) => {
    // The method named as the default is locked before the customer, in detach's order: a card detached meanwhile
    // is refused, never left behind as the default.
    const named = p.invoice_settings?.default_payment_method;
    if (named) await lockPaymentMethod(tx, { accountId: scope.accountId, id: named });
    return updateCustomerIn(tx, scope, p);
  });
}

/**
 * POST /v1/customers/:id inside the caller's transaction, which holds the lock of the payment method it names as
 * the default (if any) and none of this customer's yet.
 */
export async function updateCustomerIn(tx: Tx, scope: AccountScope & { id: string }, p: UpdateCustomerParams) {
  const current = await lockLive(tx, scope);
  const row = await updateCustomerFields(tx, {
    accountId: scope.accountId,
    id: scope.id,
    set: { ...fields(p), ...(await defaultPaymentMethod(tx, current, p, null)), metadata: mergeMetadata(current.metadata, p.metadata) },
  });
  const before = serializeCustomer(current);
  const object = serializeCustomer(row);
  await recordEvent(tx, {
    accountId: scope.accountId,
    type: 'customer.updated',
    object,
    previousAttributes: previousAttributes(before, object),
    request: scope.request,
  });
  return object;
}

/** Soft delete: sessions and promotion codes keep pointing at the id, as with Stripe. */
export async function deleteCustomer(db: Db, scope: AccountScope & { id: string }) {
  return db.transaction(async (tx) => {
    // Its payment methods first, then its row: the order attach, detach and naming a default take them in.
    await lockPaymentMethodsOfCustomer(tx, { accountId: scope.accountId, customerId: scope.id });
    const current = await lockLive(tx, scope);
    await softDeleteCustomer(tx, { accountId: scope.accountId, id: scope.id, deletedAt: new Date() });
    await deleteAllCustomerTaxIds(tx, { ...scope, customerId: scope.id });
    // As Stripe's: a deleted customer's payment methods are detached, never to be charged or shown again.
    for (const method of await detachAllOfCustomer(tx, { accountId: scope.accountId, customerId: scope.id }))
      await recordEvent(tx, {
        accountId: scope.accountId,
        type: 'payment_method.detached',
        object: serializePaymentMethod(method),
        previousAttributes: { customer: scope.id },
        request: scope.request,
      });
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'customer.deleted',
      object: serializeCustomer(current),
      request: scope.request,
    });
    return serializeDeletedCustomer(scope.id);
  });
}

/** A deleted customer still answers, with Stripe's `{id, object, deleted: true}`. */
export async function retrieveCustomer(db: Db, scope: AccountScope & { id: string }) {
  const row = await findCustomer(db, { ...scope, includeDeleted: true });
  if (!row) throw noSuchObject('customer', scope.id);
  return row.deletedAt ? serializeDeletedCustomer(row.id) : serializeCustomer(row);
}

export async function listCustomers(db: Db, scope: AccountScope, p: ListCustomersParams) {
  return listPage(db, customers, {
    accountId: scope.accountId,
    kind: 'customer',
    params: p,
    filters: [
      isNull(customers.deletedAt),
      p.email === undefined ? undefined : eq(customers.email, p.email),
      p.test_clock === undefined ? undefined : eq(customers.testClockId, p.test_clock),
      ...createdFilter(customers.createdAt, p.created),
    ],
  });
}
