import { eq } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '@/db/client';
import { findCustomer, lockLiveCustomer } from '@/db/queries/customers';
import { countTaxIdsOfCustomer, deleteTaxIdOfCustomer, deleteTaxIdsOfCustomer, findTaxId, insertNewTaxIds } from '@/db/queries/tax-ids';
import { taxIds as taxIdsTable, type TaxIdVerification } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { invalidRequest, noSuchObject } from '@/lib/api/errors';
import { listObject, listPage } from '@/lib/api/list';
import { serializeDeletedTaxId, serializeTaxId } from '@/lib/api/serialize/tax-id';
import { billingNow } from '@/lib/billing/clock';
import { recordEvent } from '@/lib/events/record-event';
import { storedTaxIdValue, taxIdCountry } from '@/lib/tax-ids/customer-tax-id-value';
import { newId } from '@/lib/util/ids';
import { MAX_TAX_IDS_PER_CUSTOMER, type ListCustomerTaxIdsParams, type TaxIdParams } from '@/lib/validation/customer-tax-ids';

// Caisse checks a tax ID's format and check digits offline only: it asks no registry (VIES, HMRC, ABR…), so it
// never learns whether a number was issued, nor to whom. Stripe's word for that is `unavailable`.
const NOT_VERIFIED: TaxIdVerification = { status: 'unavailable', verified_address: null, verified_name: null };

const KIND = 'tax_id';

/** Stripe's refusal of a value its type's format or check digits reject. */
const taxIdInvalid = (type: string, param: string) => invalidRequest(`Invalid value for ${type}.`, param, 'tax_id_invalid');

/**
 * A tax ID as the API was given it, in the form it is stored in (see storedTaxIdValue); a value its format or
 * check digits reject is Stripe's `tax_id_invalid` on `param`.
 */
export function checkedTaxId(given: TaxIdParams, param = 'value'): TaxIdParams {
  const value = storedTaxIdValue(given.type, given.value);
  if (value === null) throw taxIdInvalid(given.type, param);
  return { type: given.type, value };
}

/**
 * Adds already checked tax IDs (checkedTaxId, or the checkout page's recognizeTaxId) to a customer, inside the
 * caller's transaction: those the customer already holds with the same type and value are skipped, each new one
 * records `customer.tax_id.created`. The serialized tax IDs added, in the order given. The limit of 25 is the
 * API's to check (createCustomerTaxId, tax_id_data): a number given with a payment is never refused after it.
 */
export async function addCustomerTaxIds(
  tx: Tx,
  scope: AccountScope,
  p: { customerId: string; taxIds: TaxIdParams[]; now: Date },
): Promise<ReturnType<typeof serializeTaxId>[]> {
  const given = p.taxIds.filter((t, i) => p.taxIds.findIndex((u) => u.type === t.type && u.value === t.value) === i);
  const rows = await insertNewTaxIds(
    tx,
    given.map((t) => ({
      id: newId('txi'),
      accountId: scope.accountId,
      customerId: p.customerId,
      type: t.type,
      value: t.value,
      country: taxIdCountry(t.type, t.value),
      verification: NOT_VERIFIED,
      createdAt: p.now,
    })),
  );
  const objects = rows.map(serializeTaxId);
  for (const object of objects)
    await recordEvent(tx, { accountId: scope.accountId, type: 'customer.tax_id.created', object, request: scope.request });
  return objects;
}

/** The customer, live and locked (FOR UPDATE): adds and deletes of one customer's tax IDs, and its deletion, serialize. */
async function lockCustomer(tx: Tx, scope: AccountScope & { customerId: string }) {
  const customer = await lockLiveCustomer(tx, { accountId: scope.accountId, id: scope.customerId });
  if (!customer) throw noSuchObject('customer', scope.customerId);
  return customer;
}

async function liveCustomerOrThrow(db: Queryable, scope: AccountScope & { customerId: string }) {
  if (!(await findCustomer(db, { accountId: scope.accountId, id: scope.customerId }))) throw noSuchObject('customer', scope.customerId);
}

/** POST /v1/customers/:id/tax_ids: at most 25 per customer, and a number the customer already holds is refused. */
export async function createCustomerTaxId(db: Db, scope: AccountScope & { customerId: string }, given: TaxIdParams) {
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, scope);
    const taxId = checkedTaxId(given);
    if ((await countTaxIdsOfCustomer(tx, { accountId: scope.accountId, customerId: customer.id })) >= MAX_TAX_IDS_PER_CUSTOMER)
      throw invalidRequest(`A customer can have at most ${String(MAX_TAX_IDS_PER_CUSTOMER)} tax IDs: delete one before adding another.`);
    // A customer on a test clock gets its objects at the clock's time.
    const now = await billingNow(tx, { accountId: scope.accountId, testClockId: customer.testClockId });
    const added = (await addCustomerTaxIds(tx, scope, { customerId: customer.id, taxIds: [taxId], now })).at(0);
    if (!added) throw invalidRequest('A tax ID with the specified value and type already exists for this customer.', 'value');
    return added;
  });
}

/** GET /v1/customers/:id/tax_ids/:tax_id: another customer's tax ID does not exist here. */
export async function retrieveCustomerTaxId(db: Queryable, scope: AccountScope & { customerId: string; id: string }) {
  await liveCustomerOrThrow(db, scope);
  const row = await findTaxId(db, { accountId: scope.accountId, id: scope.id });
  if (row?.customerId !== scope.customerId) throw noSuchObject(KIND, scope.id);
  return serializeTaxId(row);
}

/** DELETE /v1/customers/:id/tax_ids/:tax_id: gone for good, with `customer.tax_id.deleted`. */
export async function deleteCustomerTaxId(db: Db, scope: AccountScope & { customerId: string; id: string }) {
  return db.transaction(async (tx) => {
    await lockCustomer(tx, scope);
    const row = await deleteTaxIdOfCustomer(tx, { accountId: scope.accountId, customerId: scope.customerId, id: scope.id });
    if (!row) throw noSuchObject(KIND, scope.id);
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'customer.tax_id.deleted',
      object: serializeTaxId(row),
      request: scope.request,
    });
    return serializeDeletedTaxId(row.id);
  });
}

/** A deleted customer's tax IDs go with it, each with `customer.tax_id.deleted`; in deleteCustomer's transaction, under its lock. */
export async function deleteAllCustomerTaxIds(tx: Tx, scope: AccountScope & { customerId: string }) {
  for (const row of await deleteTaxIdsOfCustomer(tx, { accountId: scope.accountId, customerId: scope.customerId }))
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'customer.tax_id.deleted',
      object: serializeTaxId(row),
      request: scope.request,
    });
}

function page(db: Queryable, scope: AccountScope & { customerId: string }, p: ListCustomerTaxIdsParams) {
  return listPage(db, taxIdsTable, {
    accountId: scope.accountId,
    kind: KIND,
    params: p,
    filters: [eq(taxIdsTable.customerId, scope.customerId)],
  });
}

const listUrl = (customerId: string) => `/v1/customers/${customerId}/tax_ids`;

/** GET /v1/customers/:id/tax_ids: newest first; an unknown (or deleted) customer is a 404. */
export async function listCustomerTaxIds(db: Queryable, scope: AccountScope & { customerId: string }, p: ListCustomerTaxIdsParams) {
  await liveCustomerOrThrow(db, scope);
  const { rows, hasMore } = await page(db, scope, p);
  return listObject(listUrl(scope.customerId), rows.map(serializeTaxId), hasMore);
}

/**
 * A customer's `tax_ids` when expanded: its 10 newest and where to page for more, as Stripe's included lists.
 * A deleted customer's stub gets none (undefined leaves the field out).
 */
export async function customerTaxIdsList(db: Queryable, scope: AccountScope & { customerId: string }) {
  if (!(await findCustomer(db, { accountId: scope.accountId, id: scope.customerId }))) return undefined;
  const { rows, hasMore } = await page(db, scope, { limit: 10 });
  return listObject(listUrl(scope.customerId), rows.map(serializeTaxId), hasMore);
}
